package io.camelcount.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.camelcount.mock.api.ApiRoutes;
import io.camelcount.mock.api.PartnerApiMappings;
import io.camelcount.mock.api.PartnerApiTransformer;
import io.camelcount.mock.auth.Credentials;
import io.camelcount.mock.auth.PartnerApp;
import io.camelcount.mock.auth.PartnerAuthFilter;
import io.camelcount.mock.auth.SignatureVerifier;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.domain.Workspaces;
import io.camelcount.mock.web.PublicInvoicePage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A stateful mock of COUNT's partner API on WireMock, started with the {@link DemoWorkspace}.
 *
 * <pre>{@code
 * try (CountMockServer count = CountMockServer.builder().port(0).clock(MockClock.fixed(now)).start()) {
 *     String baseUrl = count.baseUrl();   // http://localhost:<port>, partner routes under /partners
 * }
 * }</pre>
 */
public final class CountMockServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 8089;
    public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofSeconds(300);
    private static final int REQUEST_JOURNAL_LIMIT = 1000;

    private final WireMockServer wireMock;
    private final int port;
    private final MockClock clock;
    private final Workspaces workspaces;

    private CountMockServer(WireMockServer wireMock, MockClock clock, Workspaces workspaces) {
        this.wireMock = wireMock;
        this.port = wireMock.port();
        this.clock = clock;
        this.workspaces = workspaces;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a mock with the defaults on {@code port}; 0 picks a free port. */
    public static CountMockServer start(int port) {
        return builder().port(port).start();
    }

    /** For example {@code http://localhost:8089}; partner routes are under {@code /partners}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** The port listened on (the one picked, when started with port 0). */
    public int port() {
        return port;
    }

    /** The clock behind timestamps, signature windows and "today"; tests set or advance it. */
    public MockClock clock() {
        return clock;
    }

    /** A seeded workspace, for inspecting state (its invoices, its outbox) from a test. */
    public Workspace workspace(UUID uuid) {
        return workspaces.find(uuid).orElseThrow(() -> new IllegalArgumentException("No workspace " + uuid));
    }

    public Workspace demoWorkspace() {
        return workspace(DemoWorkspace.WORKSPACE_UUID);
    }

    public void stop() {
        if (wireMock.isRunning()) {
            wireMock.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code java -jar count-mock-server.jar [--port 8089] [--strict-signing]} */
    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile",
                System.getProperty("log4j2.configurationFile", "count-mock-server-log4j2.xml"));
        Builder builder = builder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(portArgument(i + 1 < args.length ? args[++i] : ""));
                case "--strict-signing" -> builder.strictSigning(true);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    if (args[i].startsWith("--port=")) {
                        builder.port(portArgument(args[i].substring("--port=".length())));
                    } else {
                        exitWithUsage("Unknown option " + args[i]);
                    }
                }
            }
        }
        CountMockServer server;
        try {
            server = builder.start();
        } catch (RuntimeException startupFailure) {
            Throwable cause = startupFailure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("Could not start the mock COUNT on port " + builder.port + ": " + cause.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "count-mock-server-shutdown"));
        System.out.printf("Mock COUNT listening on %s (partner routes under /partners)%n", server.baseUrl());
        System.out.printf("  workspace      %s (%s)%n", DemoWorkspace.WORKSPACE_NAME, DemoWorkspace.WORKSPACE_UUID);
        System.out.printf("  client ID      %s%n", DemoWorkspace.CLIENT_ID);
        System.out.printf("  client secret  %s%n", DemoWorkspace.CLIENT_SECRET);
        System.out.printf("  access token   %s%n", DemoWorkspace.ACCESS_TOKEN);
        System.out.printf("  refresh token  %s%n", DemoWorkspace.REFRESH_TOKEN);
    }

    private static final String USAGE = """
            Usage: java -jar count-mock-server.jar [--port <port>] [--strict-signing]
              --port <port>      port to listen on (default 8089, 0 for any free port)
              --strict-signing   accept only the documented signature form (seconds, canonical body)""";

    private static int portArgument(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like any other bad port
        }
        exitWithUsage("--port needs a number from 0 to 65535, got \"" + value + "\"");
        return -1;
    }

    private static void exitWithUsage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }

    public static final class Builder {

        private int port = DEFAULT_PORT;
        private MockClock clock = MockClock.system();
        private Duration timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;
        private boolean strictSigning;
        private final List<PartnerApp> partnerApps = new ArrayList<>();
        private final List<WorkspaceSeed> workspaces = new ArrayList<>();

        private Builder() {
        }

        /** Default 8089; 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Default: a {@link MockClock#system()} clock. */
        public Builder clock(MockClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far {@code x-timestamp} may be from the clock; default 300 seconds. */
        public Builder timestampTolerance(Duration tolerance) {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("timestampTolerance must not be negative");
            }
            this.timestampTolerance = tolerance;
            return this;
        }

        /** Accept only the documented signature form: seconds, canonical body, empty hash for no body. */
        public Builder strictSigning(boolean strictSigning) {
            this.strictSigning = strictSigning;
            return this;
        }

        /** Registers another partner app besides {@link DemoWorkspace#CLIENT_ID}. */
        public Builder partnerApp(String clientId, String clientSecret) {
            partnerApps.add(new PartnerApp(clientId, clientSecret));
            return this;
        }

        /** Adds a workspace besides the demo one; its access grants must name registered partner apps. */
        public Builder workspace(WorkspaceSeed seed) {
            workspaces.add(Objects.requireNonNull(seed, "seed"));
            return this;
        }

        public CountMockServer start() {
            Credentials credentials = new Credentials();
            credentials.register(new PartnerApp(DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET));
            partnerApps.forEach(credentials::register);
            Workspaces seeded = new Workspaces();
            List<WorkspaceSeed> seeds = new ArrayList<>(List.of(DemoWorkspace.seed()));
            seeds.addAll(workspaces);
            for (WorkspaceSeed seed : seeds) {
                seeded.add(seededWorkspace(seed));
                seed.accessGrants().forEach(credentials::grant);
            }
            WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options()
                    .port(port)
                    .jettyAcceptors(1) // plenty for a mock, and Jetty warns when acceptors outnumber cores
                    .notifier(new Slf4jNotifier(false))
                    .maxRequestJournalEntries(REQUEST_JOURNAL_LIMIT)
                    .mappingSource(new PartnerApiMappings())
                    .extensions(
                            new PartnerAuthFilter(credentials, new SignatureVerifier(clock, timestampTolerance, strictSigning)),
                            new PartnerApiTransformer(ApiRoutes.partnerApi(), seeded),
                            new PublicInvoicePage(seeded)));
            wireMock.start();
            return new CountMockServer(wireMock, clock, seeded);
        }

        private Workspace seededWorkspace(WorkspaceSeed seed) {
            Workspace workspace = new Workspace(seed.uuid(), seed.name(), seed.currency(), clock);
            seed.customers().forEach(workspace::addCustomer);
            seed.products().forEach(workspace::addProduct);
            seed.tags().forEach(workspace::addTag);
            seed.legacyDuplicateInvoices().forEach(workspace::addLegacyDuplicateInvoice);
            return workspace;
        }
    }
}
