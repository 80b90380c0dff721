package io.camelcount.kamelets;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConfiguration;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;

/** The mock COUNT's demo workspace as the count component's connection, as camel.component.count.* would set it. */
final class DemoConnection {

    private DemoConnection() {
    }

    static void configure(CamelContext camel, CountMockServer mock) {
        CountConfiguration configured = camel.getComponent("count", CountComponent.class).getConfiguration();
        configured.setBaseUrl(mock.baseUrl());
        configured.setClientId(DemoWorkspace.CLIENT_ID);
        configured.setClientSecret(DemoWorkspace.CLIENT_SECRET);
        configured.setAccessToken(DemoWorkspace.ACCESS_TOKEN);
        configured.setRefreshToken(DemoWorkspace.REFRESH_TOKEN);
    }
}
