package io.camelcount.features.support;

import io.camelcount.mock.CountMockServer;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/**
 * The COUNT the suite runs against: an embedded mock COUNT with the demo workspace, started once for
 * the whole run like a real server would already be running.
 */
public final class CountTarget {

    public static final String CLIENT_ID = "demo-client";
    public static final String CLIENT_SECRET = "demo-secret";
    public static final String ACCESS_TOKEN = "demo-access-token";

    private static CountMockServer mock;

    private CountTarget() {
    }

    @BeforeAll
    public static void startMock() {
        mock = CountMockServer.builder().port(0).start();
    }

    @AfterAll
    public static void stopMock() {
        mock.stop();
    }

    public static String baseUrl() {
        return mock.baseUrl();
    }
}
