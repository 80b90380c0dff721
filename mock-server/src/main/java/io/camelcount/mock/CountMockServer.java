package io.camelcount.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.security.NoAuthenticator;
import io.camelcount.mock.admin.AdminToken;
import io.camelcount.mock.admin.RedactingJournalStore;
import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.api.WebhookEnvelope;
import io.camelcount.mock.auth.PartnerApp;
import io.camelcount.mock.auth.PartnerAuthenticator;
import io.camelcount.mock.auth.RateLimiter;
import io.camelcount.mock.auth.SignatureVerifier;
import io.camelcount.mock.auth.TokenLifetimes;
import io.camelcount.mock.auth.Tokens;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.Seed;
import io.camelcount.mock.seed.SeedJson;
import io.camelcount.mock.seed.SeedRefusal;
import io.camelcount.mock.seed.WorkspaceSeed;
import io.camelcount.mock.store.DamagedStateException;
import io.camelcount.mock.store.DataDirectory;
import io.camelcount.mock.http.GuardedJettyServer;
import io.camelcount.mock.webhook.WebhookDeliveries;
import io.camelcount.mock.webhook.Webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    /** Loopback only: reachable from this machine, not from the network. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofSeconds(300);
    /** Threads of WireMock's scheduler, which sends the responses of delay faults without holding a Jetty thread. */
    private static final int DELAYED_RESPONSE_THREADS = 4;

    private final WireMockServer wireMock;
    private final int port;
    private final CountMockExtensionFactory extensions;
    private final MockState state;
    private final InetAddress bindAddress;
    private final boolean adminTokenRequired;

    private CountMockServer(WireMockServer wireMock, CountMockExtensionFactory extensions, InetAddress bindAddress,
                            boolean adminTokenRequired) {
        this.wireMock = wireMock;
        this.port = wireMock.port();
        this.extensions = extensions;
        this.state = extensions.state();
        this.bindAddress = bindAddress;
        this.adminTokenRequired = adminTokenRequired;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a mock with the defaults on {@code port}; 0 picks a free port. */
    public static CountMockServer start(int port) {
        return builder().port(port).start();
    }

    /**
     * For example {@code http://localhost:8089}; partner routes are under {@code /partners}. The host is
     * {@code localhost} when the mock listens on 127.0.0.1 or on every interface, else the address it listens on.
     */
    public String baseUrl() {
        return "http://" + host() + ":" + port();
    }

    private String host() {
        if (bindAddress.isAnyLocalAddress() || bindAddress.getHostAddress().equals(DEFAULT_BIND_ADDRESS)) {
            return "localhost";
        }
        String address = bindAddress.getHostAddress();
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** The address listened on: {@value #DEFAULT_BIND_ADDRESS} unless {@link Builder#bindAddress} opened it. */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** For example {@code http://localhost:8089/__admin/count}: reset, seed, clock, faults, outbox, state. */
    public String adminUrl() {
        return baseUrl() + "/__admin/count";
    }

    /** The port listened on (the one picked, when started with port 0). */
    public int port() {
        return port;
    }

    /** The HTTPS port, when {@link Builder#httpsPort} asked for one; else -1. */
    public int httpsPort() {
        return wireMock.httpsPort();
    }

    /**
     * WireMock's own server under the mock: its client API ({@code verify}, {@code findAll}, {@code stubFor}) and its
     * request journal, which keeps requests only with {@link Builder#requestJournal}. A stub added here at WireMock's
     * default priority wins over the mock's routes.
     */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** The clock behind timestamps, token expiry, the rate-limit window and "today"; tests set or advance it. */
    public MockClock clock() {
        return state.clock();
    }

    /** A workspace, for inspecting state (its invoices, its outbox) from a test. */
    public Workspace workspace(UUID uuid) {
        return state.workspace(uuid).orElseThrow(() -> new IllegalArgumentException("No workspace " + uuid));
    }

    public Workspace demoWorkspace() {
        return workspace(DemoWorkspace.WORKSPACE_UUID);
    }

    /**
     * Back to the state the mock started with, as {@code POST /__admin/count/reset} does: the seeded
     * workspaces and tokens only, empty rate-limit windows, no faults. The clock is left alone.
     */
    public void reset() {
        state.reset();
        state.saveChanges();
    }

    /** The gateway's passes still held: zero whenever no request is in flight, or they leak. */
    int gatewayPassesHeld() {
        return extensions.passes().held();
    }

    /**
     * Issues the recurring invoices that fell due, starts every webhook delivery due at the mock's clock and waits until
     * none is under way or due: then a test reads its receiver without sleeping. {@code POST
     * /__admin/count/webhooks/deliveries/await} does the same over HTTP.
     *
     * @return false when {@code timeout} (real time) passed first
     */
    public boolean awaitWebhookDeliveries(Duration timeout) throws InterruptedException {
        return state.awaitWebhookDeliveries(timeout);
    }

    /** The webhook subscriptions, deliveries and delivery faults, for inspecting them from a test. */
    public Webhooks webhooks() {
        return state.webhooks();
    }

    /**
     * Stops listening and sending webhooks (pending deliveries are lost); with a data directory, saves what is left to
     * save and unlocks the directory.
     */
    public void stop() {
        if (wireMock.isRunning()) {
            wireMock.stop();
        }
        extensions.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code java -jar count-mock-server.jar [options]}; {@code --help} lists them. */
    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile",
                System.getProperty("log4j2.configurationFile", "count-mock-server-log4j2.xml"));
        Builder builder;
        try {
            StandaloneOptions options = StandaloneOptions.parse(List.of(args), System.getenv());
            if (options.help()) {
                System.out.println(StandaloneOptions.USAGE);
                return;
            }
            if (options.version()) {
                System.out.println(StandaloneOptions.VERSION);
                return;
            }
            builder = options.applyTo(builder());
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.err.println(StandaloneOptions.USAGE);
            System.exit(2);
            return;
        }
        CountMockServer server;
        try {
            server = builder.start();
        } catch (DamagedStateException damaged) {
            System.err.println("Could not start the mock COUNT: " + damaged.getMessage());
            System.exit(1);
            return;
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
        System.out.print(server.banner(builder));
        if (server.extensions.dataDirectory() != null) {
            System.out.println("  data directory " + server.extensions.dataDirectory().path() + " (the state survives a restart)");
        }
    }

    private String banner(Builder options) {
        return String.format("""
                        Mock COUNT listening on %s (partner routes under /partners, OAuth under /auth2)
                          bound to       %s
                          admin API      %s (%s)
                          workspace      %s (%s)
                          client ID      %s
                          client secret  %s
                          access token   %s
                          refresh token  %s
                          rate limit     %s
                          token lifetime access %s, refresh %s
                          clock          %s
                          variants       %s
                        """, baseUrl(), boundTo(), adminUrl(), adminAccess(), DemoWorkspace.WORKSPACE_NAME, DemoWorkspace.WORKSPACE_UUID,
                DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET, DemoWorkspace.ACCESS_TOKEN, DemoWorkspace.REFRESH_TOKEN,
                options.rateLimit == 0 ? "off" : options.rateLimit + " requests per "
                        + (options.rateLimitWindow.equals(Duration.ofMinutes(1)) ? "minute" : options.rateLimitWindow)
                        + " per client ID",
                readable(options.lifetimes.accessToken()), readable(options.lifetimes.refreshToken()), clock().instant(),
                options.variantsSeed == null ? "off (every answer in the contract's default form)"
                        : "on, seed " + options.variantsSeed + " (answers vary among COUNT's known forms)");
    }

    private String boundTo() {
        return bindAddress.getHostAddress() + (bindAddress.isLoopbackAddress() ? " (loopback: this machine only)"
                : bindAddress.isAnyLocalAddress() ? " (every interface: the network reaches it)" : " (reachable from the network)");
    }

    /** How the admin API is reached; never the token itself. */
    private String adminAccess() {
        return adminTokenRequired ? "needs Authorization: Bearer <admin token>; shutdown with the token or by a signal"
                : "open on loopback without a token; shutdown by a signal only";
    }

    /** {@code P30D} rather than {@link Duration#toString()}'s {@code PT720H}, as the options are written. */
    private static String readable(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    public static final class Builder {

        private int port = DEFAULT_PORT;
        private MockClock clock = MockClock.system();
        private Instant clockStart;
        private Duration timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;
        private boolean strictSigning;
        private int rateLimit = RateLimiter.DEFAULT_LIMIT;
        private Duration rateLimitWindow = RateLimiter.DEFAULT_WINDOW;
        private TokenLifetimes lifetimes = TokenLifetimes.DEFAULT;
        private final List<PartnerApp> partnerApps = new ArrayList<>();
        private final List<WorkspaceSeed> workspaces = new ArrayList<>();
        private Seed seed = Seed.EMPTY;
        private Long variantsSeed;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private AdminToken adminToken;
        private Path dataDir;
        private int requestJournal;
        private Duration webhookTimeout = WebhookDeliveries.DEFAULT_TIMEOUT;
        private Integer httpsPort;
        private boolean verbose;
        private Integer containerThreads;
        /** Plenty for a mock, and Jetty warns when acceptors outnumber cores. */
        private int jettyAcceptorThreads = 1;

        private Builder() {
        }

        /**
         * The address to listen on; default {@code 127.0.0.1} (loopback). {@code 0.0.0.0} listens on every
         * interface. Beyond loopback the mock needs an {@link #adminToken admin token}, or it refuses to start.
         */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The secret the admin API ({@code /__admin}, WireMock's routes and {@code /__admin/count}) then requires as
         * {@code Authorization: Bearer <token>}, wherever the mock listens; it also allows
         * {@code POST /__admin/shutdown}. Default none: on loopback the admin API is open and shutdown is by signal only.
         *
         * @throws IllegalArgumentException when the token is shorter than 16 characters or cannot be sent in a header
         */
        public Builder adminToken(String token) {
            return adminToken(AdminToken.of(token));
        }

        /** The command line's token, already checked. */
        Builder adminToken(AdminToken token) {
            this.adminToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Default 8089; 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Also serves HTTPS on {@code port}, with WireMock's self-signed certificate; default off. 0 picks a free port. */
        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        /** Logs every request WireMock serves and its answer; default off. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Jetty's request threads; default WireMock's. */
        public Builder containerThreads(int threads) {
            this.containerThreads = threads;
            return this;
        }

        /** Jetty's threads accepting connections; default 1. */
        public Builder jettyAcceptorThreads(int threads) {
            this.jettyAcceptorThreads = threads;
            return this;
        }

        /** Default: a {@link MockClock#system()} clock. */
        public Builder clock(MockClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the clock to {@code start} when the mock starts; a ticking clock ticks on from there. */
        public Builder clockStart(Instant start) {
            this.clockStart = Objects.requireNonNull(start, "start");
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

        /** Requests per rolling 60 seconds per client ID, all routes together; default 100, 0 turns the limit off. */
        public Builder rateLimit(int requestsPerMinute) {
            if (requestsPerMinute < 0) {
                throw new IllegalArgumentException("rateLimit must be 0 (off) or more, got " + requestsPerMinute);
            }
            this.rateLimit = requestsPerMinute;
            return this;
        }

        /** The rate limit's rolling window; default COUNT's 60 seconds. A short one makes a rate-limit run short. */
        public Builder rateLimitWindow(Duration window) {
            if (window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("rateLimitWindow must be positive, got " + window);
            }
            this.rateLimitWindow = window;
            return this;
        }

        /** Lifetime of the access tokens the grant and refresh routes issue; default one hour. */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.lifetimes = lifetimes.withAccessToken(lifetime);
            return this;
        }

        /** Lifetime of the refresh tokens the grant and refresh routes issue; default 30 days. */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.lifetimes = lifetimes.withRefreshToken(lifetime);
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

        /**
         * Answers each request in one of the forms COUNT's live routes are known to use (contract §2
         * "Variants"), chosen by {@code seed} so that a run repeats; default off, every answer in the
         * contract's default form. {@code POST /__admin/count/variants} switches them at run time.
         */
        public Builder variants(long seed) {
            AnswerVariants.requireValidSeed(seed);
            this.variantsSeed = seed;
            return this;
        }

        /**
         * Keeps the last {@code entries} requests, bodies and headers included, in WireMock's request journal
         * ({@code /__admin/requests}, {@code WireMockServer.findAll}); default 0, off, so that no one can fill
         * the mock's memory with bodies it keeps, and no bearer token is kept where the admin API shows it.
         */
        public Builder requestJournal(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("requestJournal must be 0 (off) or more, got " + entries);
            }
            this.requestJournal = entries;
            return this;
        }

        /**
         * How long a webhook receiver may take to accept the connection, and then to answer; default 10 seconds. A
         * receiver that takes longer fails the attempt, which is retried on the back-off schedule.
         */
        public Builder webhookTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("webhookTimeout must be above 0 and at most a minute, got " + timeout);
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /** Adds partner apps and workspaces, as a seed file does. */
        public Builder seed(Seed seed) {
            this.seed = this.seed.plus(Objects.requireNonNull(seed, "seed"));
            return this;
        }

        /**
         * Reads a seed file now (the JSON of {@code POST /__admin/count/seed}).
         *
         * @throws IllegalArgumentException naming the file and the problem
         */
        public Builder seedFile(Path file) {
            byte[] json;
            try {
                json = Files.readAllBytes(file);
            } catch (NoSuchFileException missing) {
                throw new IllegalArgumentException("Seed file " + file + " does not exist", missing);
            } catch (IOException unreadable) {
                throw new IllegalArgumentException("Cannot read seed file " + file + ": " + unreadable.getMessage(), unreadable);
            }
            try {
                return seed(SeedJson.parse(json));
            } catch (SeedRefusal malformed) {
                throw new IllegalArgumentException("Seed file " + file + ": " + malformed.getMessage(), malformed);
            }
        }

        /**
         * Keeps the state in {@code directory} (created when missing), so that workspaces, invoices, credits, tokens,
         * the outbox and the clock survive a restart: an empty directory starts from the seed, a directory a mock
         * left starts exactly where it stopped ({@code clockStart} then does not apply). Default: none, everything
         * in memory.
         */
        public Builder dataDir(Path directory) {
            this.dataDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the seeds clash (a workspace twice, a token twice, a grant for an unknown
         *                                  app), the bind address is unknown or beyond loopback without an admin
         *                                  token, or the data directory cannot be used
         * @throws DamagedStateException    naming the data directory's file when it is damaged or of an unknown version
         */
        public CountMockServer start() {
            InetAddress bind = listenAddress();
            CountMockExtensionFactory extensions = extensionFactory();
            PartnerAuthenticator authenticator = extensions.authenticator();
            WireMockConfiguration configuration = WireMockConfiguration.options();
            if (requestJournal == 0) {
                configuration.disableRequestJournal();
            } else {
                configuration.maxRequestJournalEntries(requestJournal);
            }
            if (httpsPort != null) {
                configuration.httpsPort(httpsPort);
            }
            if (containerThreads != null) {
                configuration.containerThreads(containerThreads);
            }
            WireMockServer wireMock = new WireMockServer(configuration
                    .port(port)
                    .bindAddress(bind.getHostAddress())
                    .adminAuthenticator(adminToken == null ? new NoAuthenticator() : adminToken)
                    .withStores(RedactingJournalStore.stores(configuration.filesRoot()))
                    .jettyAcceptors(jettyAcceptorThreads)
                    .notifier(new Slf4jNotifier(verbose))
                    // WireMock builds a "Request received" message of the whole request and answer (as JSON) for every
                    // stub request; a quiet notifier drops it, so it is only worth building when verbose
                    .stubRequestLoggingDisabled(!verbose)
                    // hostile input never reaches WireMock's parsing, and an upload's body is read only for an authenticated caller
                    .httpServerFactory(GuardedJettyServer.factory(upload -> authenticator.authenticateUpload(
                            upload.getMethod(), upload.getRequestURI(), upload::getHeader)))
                    .asynchronousResponseEnabled(true)
                    .asynchronousResponseThreads(DELAYED_RESPONSE_THREADS)
                    .mappingSource(new NoStubFiles())
                    .extensionFactories(extensions));
            try {
                wireMock.start();
            } catch (RuntimeException notStarted) {
                extensions.close();
                throw notStarted;
            }
            extensions.listeningOn(wireMock.port());
            return new CountMockServer(wireMock, extensions, bind, adminToken != null);
        }

        /**
         * The mock's state and every WireMock extension around it, for a WireMock this builder does not start: {@code
         * WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensionFactories(factory))}. The port,
         * bind address and request journal are then that WireMock's own settings.
         *
         * @throws IllegalArgumentException when the seeds clash or the data directory cannot be used
         * @throws DamagedStateException    naming the data directory's file when it is damaged or of an unknown version
         */
        public CountMockExtensionFactory extensionFactory() {
            if (clockStart != null) {
                clock.set(clockStart);
            }
            Tokens tokens = new Tokens(clock, lifetimes);
            RateLimiter rateLimiter = new RateLimiter(clock, rateLimit, rateLimitWindow);
            AnswerVariants variants = new AnswerVariants(variantsSeed);
            Webhooks webhooks = new Webhooks(clock, WebhookEnvelope::render, webhookTimeout);
            MockState state;
            DataDirectory dataDirectory;
            try {
                state = new MockState(clock, tokens, rateLimiter, variants, webhooks, startingSeed());
                dataDirectory = keepStateIn(state);
            } catch (SeedRefusal clash) {
                webhooks.close();
                throw new IllegalArgumentException("The mock's seed cannot be applied: " + clash.getMessage(), clash);
            } catch (RuntimeException unusable) {
                webhooks.close();
                throw unusable;
            }
            PartnerAuthenticator authenticator = new PartnerAuthenticator(state.credentials(), tokens,
                    new SignatureVerifier(clock, timestampTolerance, strictSigning), clock);
            return new CountMockExtensionFactory(state, rateLimiter, authenticator, Optional.ofNullable(adminToken),
                    dataDirectory);
        }

        /** Restores the state the data directory holds, or saves the starting one there; null without a directory. */
        private DataDirectory keepStateIn(MockState state) {
            if (dataDir == null) {
                return null;
            }
            DataDirectory dataDirectory = DataDirectory.open(dataDir);
            try {
                dataDirectory.attach(state);
            } catch (RuntimeException unusable) {
                dataDirectory.close();
                throw unusable;
            }
            state.saveChangesWith(dataDirectory::saveNow, dataDirectory::saveSoon);
            return dataDirectory;
        }

        /**
         * The bind address, resolved; beyond loopback only with an admin token. Refusing to start is safer than
         * generating a token: a generated one would be a secret printed to a log, and new at each restart.
         */
        private InetAddress listenAddress() {
            InetAddress address;
            try {
                address = InetAddress.getByName(bindAddress);
            } catch (UnknownHostException unknown) {
                throw new IllegalArgumentException("Cannot listen on " + bindAddress + ": no such address on this"
                        + " machine; use an IP address such as 127.0.0.1 or 0.0.0.0");
            }
            if (!address.isLoopbackAddress() && adminToken == null) {
                throw new IllegalArgumentException("Listening on " + bindAddress + " opens the mock beyond this machine,"
                        + " and its admin API (reset, seed, faults, request journal) with it: give an admin token with"
                        + " --admin-token or COUNT_MOCK_ADMIN_TOKEN (builder: adminToken), at least "
                        + AdminToken.MIN_LENGTH + " characters, e.g. from `openssl rand -hex 32`");
            }
            return address;
        }

        /** The demo workspace first, then the builder's apps and workspaces, then the seeds. */
        private Seed startingSeed() {
            List<PartnerApp> apps = new ArrayList<>();
            apps.add(new PartnerApp(DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET));
            apps.addAll(partnerApps);
            List<WorkspaceSeed> seeds = new ArrayList<>();
            seeds.add(DemoWorkspace.seed());
            seeds.addAll(workspaces);
            return new Seed(apps, seeds).plus(seed);
        }
    }
}
