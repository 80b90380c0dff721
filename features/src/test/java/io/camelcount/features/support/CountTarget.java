package io.camelcount.features.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConnections;
import io.camelcount.mock.CountMockServer;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/**
 * The COUNT the suite runs against. By default an embedded mock COUNT with the demo workspace, started
 * once for the whole run like a real server would already be running. With {@code COUNT_TARGET=remote}
 * a real COUNT (a partner's sandbox) named by {@code COUNT_BASE_URL}, {@code COUNT_CLIENT_ID},
 * {@code COUNT_CLIENT_SECRET}, {@code COUNT_ACCESS_TOKEN} and {@code COUNT_REFRESH_TOKEN}
 * ({@code COUNT_TOKEN_FILE} optional); scenarios tagged {@code @mock-only} are then skipped.
 */
public final class CountTarget {

    public static final String DEMO_CLIENT_ID = "demo-client";
    public static final String DEMO_CLIENT_SECRET = "demo-secret";
    public static final String DEMO_ACCESS_TOKEN = "demo-access-token";
    public static final String DEMO_REFRESH_TOKEN = "demo-refresh-token";

    private static final boolean REMOTE = "remote".equals(env("COUNT_TARGET", "mock").toLowerCase(Locale.ROOT));

    private static CountMockServer mock;
    /**
     * The run's hold on the target's connection: the scenarios' Camel contexts come and go, and the client ID's rate
     * limiter, holding what COUNT counted, must outlive each of them as it would in one long-running application.
     */
    private static CountConnections.Hold connection;

    private CountTarget() {
    }

    @BeforeAll
    public static void start() {
        if (REMOTE) {
            for (String name : new String[] {"COUNT_BASE_URL", "COUNT_CLIENT_ID", "COUNT_CLIENT_SECRET", "COUNT_ACCESS_TOKEN"}) {
                if (env(name, "").isBlank()) {
                    throw new IllegalStateException("COUNT_TARGET=remote needs " + name + " (see features/README.md)");
                }
            }
        } else {
            mock = CountMockServer.builder().port(0).start();
        }
        CountComponent component = new CountComponent();
        component.getConfiguration().setBaseUrl(baseUrl());
        component.getConfiguration().setClientId(clientId());
        applyClock(component);
        connection = component.holdConnection();
    }

    @AfterAll
    public static void stop() {
        if (connection != null) {
            System.out.println(RateLimitBudget.summary(clientId(), connection.rateLimiter().waited(), REMOTE));
            connection.close();
            connection = null;
        }
        if (mock != null) {
            mock.stop();
            mock = null;
        }
    }

    public static boolean isRemote() {
        return REMOTE;
    }

    /** The embedded mock; only for {@code @mock-only} steps. */
    public static CountMockServer mock() {
        if (mock == null) {
            throw new IllegalStateException("This step needs the embedded mock COUNT: tag its scenario @mock-only");
        }
        return mock;
    }

    public static String baseUrl() {
        return REMOTE ? env("COUNT_BASE_URL", "") : mock.baseUrl();
    }

    public static String clientId() {
        return REMOTE ? env("COUNT_CLIENT_ID", "") : DEMO_CLIENT_ID;
    }

    public static String clientSecret() {
        return REMOTE ? env("COUNT_CLIENT_SECRET", "") : DEMO_CLIENT_SECRET;
    }

    public static String accessToken() {
        return REMOTE ? env("COUNT_ACCESS_TOKEN", "") : DEMO_ACCESS_TOKEN;
    }

    public static String refreshToken() {
        return REMOTE ? env("COUNT_REFRESH_TOKEN", "") : DEMO_REFRESH_TOKEN;
    }

    public static String tokenFile() {
        return REMOTE ? env("COUNT_TOKEN_FILE", "") : "";
    }

    /** COUNT's today: the mock's clock (which scenarios may move), or UTC today for a real COUNT. */
    public static LocalDate today() {
        return REMOTE ? LocalDate.now(ZoneOffset.UTC) : mock.clock().today();
    }

    /**
     * Time as COUNT sees it. Against the mock, the component signs with the mock's clock and waits (rate limit,
     * retry back-off) by moving that clock, so a scenario that moves time never breaks signatures and nothing
     * really sleeps.
     */
    public static void applyClock(CountComponent component) {
        if (!REMOTE) {
            component.setClock(mock.clock());
            component.setSleeper(duration -> mock.clock().advance(duration));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
