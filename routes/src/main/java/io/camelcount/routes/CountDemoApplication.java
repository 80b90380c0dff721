package io.camelcount.routes;

import java.util.List;
import java.util.Map;

import io.camelcount.mock.CountMockServer;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the YAML routes with Camel Main. Without {@code COUNT_BASE_URL} it first starts an embedded mock
 * COUNT with the demo workspace on {@code COUNT_MOCK_PORT} (default 8089), so the routes work on first
 * run; with it, the same routes call that COUNT with the credentials from the environment.
 */
public final class CountDemoApplication implements AutoCloseable {

    static final String BASE_URL_VARIABLE = "COUNT_BASE_URL";
    static final String MOCK_PORT_VARIABLE = "COUNT_MOCK_PORT";
    private static final List<String> REMOTE_CREDENTIALS = List.of("COUNT_CLIENT_ID", "COUNT_CLIENT_SECRET",
            "COUNT_ACCESS_TOKEN");
    private static final Logger LOG = LoggerFactory.getLogger(CountDemoApplication.class);

    private final Main main = new Main(CountDemoApplication.class);
    private final CountMockServer mock;

    CountDemoApplication(Map<String, String> environment) {
        String baseUrl = environment.get(BASE_URL_VARIABLE);
        if (baseUrl == null || baseUrl.isBlank()) {
            mock = CountMockServer.builder().port(mockPort(environment)).start();
            main.addOverrideProperty("camel.component.count.base-url", mock.baseUrl());
            LOG.info("No {} set: started an embedded mock COUNT at {} with the demo workspace", BASE_URL_VARIABLE,
                    mock.baseUrl());
        } else {
            List<String> missing = REMOTE_CREDENTIALS.stream()
                    .filter(name -> environment.get(name) == null || environment.get(name).isBlank())
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(BASE_URL_VARIABLE + " is set, so the demo calls the COUNT at " + baseUrl
                                                + ", but these are not set: " + String.join(", ", missing) + ". Export the"
                                                + " credentials of your COUNT partner application, or unset "
                                                + BASE_URL_VARIABLE + " to use the embedded mock COUNT");
            }
            mock = null;
            LOG.info("Calling the COUNT at {}", baseUrl);
        }
    }

    private static int mockPort(Map<String, String> environment) {
        String port = environment.getOrDefault(MOCK_PORT_VARIABLE, "");
        if (port.isBlank()) {
            return CountMockServer.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(MOCK_PORT_VARIABLE + " must be a port number (0 for any free port), not '"
                                            + port + "'");
        }
    }

    public static void main(String[] args) throws Exception {
        try (CountDemoApplication demo = new CountDemoApplication(System.getenv())) {
            demo.main().run(args);
        }
    }

    Main main() {
        return main;
    }

    CountMockServer mock() {
        return mock;
    }

    @Override
    public void close() {
        if (mock != null) {
            mock.stop();
        }
    }
}
