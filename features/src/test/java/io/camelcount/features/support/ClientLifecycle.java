package io.camelcount.features.support;

import io.cucumber.java.After;

/** Stops the scenario's Camel context when the scenario ends. */
public class ClientLifecycle {

    private final CountClient count;

    public ClientLifecycle(CountClient count) {
        this.count = count;
    }

    @After(order = 0)
    public void closeClient() {
        count.close();
    }
}
