package io.camelcount.routes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.StartupListener;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the YAML routes with Camel Main. Without {@code COUNT_BASE_URL} it first starts an embedded mock
 * COUNT with the demo workspace on {@code COUNT_MOCK_PORT} (default 8089), so the routes work on first
 * run, and feeds the routes the sample inputs; with it, the same routes call that COUNT with the credentials
 * from the environment. Either way it prints where to reach the routes and keeps serving until stopped.
 */
public final class CountDemoApplication implements AutoCloseable {

    static final String BASE_URL_VARIABLE = "COUNT_BASE_URL";
    static final String MOCK_PORT_VARIABLE = "COUNT_MOCK_PORT";
    static final String CLUSTER_DB_URL_VARIABLE = "COUNT_CLUSTER_DB_URL";
    static final String MANAGEMENT_PORT_VARIABLE = "COUNT_DEMO_MANAGEMENT_PORT";
    /** application.properties' default for camel.management.port, when MANAGEMENT_PORT_VARIABLE is not set. */
    private static final int DEFAULT_MANAGEMENT_PORT = 8091;
    /** The bean cluster.properties binds; the count: component's dataSource option can name it too. */
    static final String CLUSTER_DATA_SOURCE = "countClusterDataSource";
    private static final String QUARTZ_TABLES = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Any number, the same in every replica: the advisory lock the replicas create the shared tables under. */
    private static final long CLUSTER_TABLES_LOCK = 0x436f756e74L;
    private static final List<String> REMOTE_CREDENTIALS = List.of("COUNT_CLIENT_ID", "COUNT_CLIENT_SECRET",
            "COUNT_ACCESS_TOKEN");
    private static final Logger LOG = LoggerFactory.getLogger(CountDemoApplication.class);

    /*
     * Not Main(CountDemoApplication.class): that scans this class's package for route builders and configuration
     * classes, of which it has none, by reading every entry of the jar it is in (in the benchmarks' shaded jar, a
     * third of the demo's start-up).
     */
    private final Main main = new Main();
    /** The embedded mock, starting beside Camel's configuration; null when the demo calls another COUNT. */
    private final CompletableFuture<CountMockServer> mock;

    CountDemoApplication(Map<String, String> environment) {
        this(environment, 0);
    }

    /**
     * @param requestJournal how many requests the embedded mock keeps in its request journal, for tests that
     *                       count a story's COUNT calls; 0, off, for the demo
     */
    CountDemoApplication(Map<String, String> environment, int requestJournal) {
        String baseUrl = environment.get(BASE_URL_VARIABLE);
        int mockPort = mockPort(environment);
        if ((baseUrl == null || baseUrl.isBlank()) && isClustered(environment) && mockPort != 0 && taken(mockPort)) {
            // A second demo on this machine in cluster mode: the first one's mock COUNT is the replicas' COUNT.
            mock = null;
            main.addOverrideProperty("camel.component.count.base-url", "http://localhost:" + mockPort);
            LOG.info("No {} set and port {} is taken: this replica calls the mock COUNT there, the first replica's",
                    BASE_URL_VARIABLE, mockPort);
        } else if (baseUrl == null || baseUrl.isBlank()) {
            // The mock starts while Camel reads the routes and configures its components, which need only its URL:
            // so the port is chosen now, and the mock must be up (afterConfigure below) before the routes start.
            int port = mockPort == 0 ? freePort() : mockPort;
            mock = CompletableFuture.supplyAsync(() -> {
                CountMockServer started = CountMockServer.builder().port(port).requestJournal(requestJournal).start();
                LOG.info("No {} set: started an embedded mock COUNT at {} with the demo workspace", BASE_URL_VARIABLE,
                        started.baseUrl());
                return started;
            }, CountDemoApplication::inNewThread);
            main.addOverrideProperty("camel.component.count.base-url", "http://localhost:" + port);
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
        boolean clustered = joinClusterWhenConfigured(environment);
        moveTheManagementServerWhenItsPortIsTaken(environment);
        // Main's afterStart only fires from run(); a startup listener also fires when tests call start().
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                try {
                    mock();
                    if (clustered) {
                        // Before the Quartz component and the repositories start: they need their tables.
                        CamelContext camel = configured.getCamelContext();
                        createClusterTablesWhenMissing(camel.getRegistry().lookupByNameAndType(CLUSTER_DATA_SOURCE,
                                DataSource.class), camel.resolvePropertyPlaceholders("{{count.cluster.processed-table}}"));
                    }
                    configured.getCamelContext().addStartupListener(welcomeOnStart());
                } catch (Exception e) {
                    throw RuntimeCamelException.wrapRuntimeCamelException(e);
                }
            }
        });
    }

    /**
     * With {@code COUNT_CLUSTER_DB_URL} set, adds cluster.properties: the replicas share the scheduled stories, the CSV
     * drop folder and the webhook deliveries through that PostgreSQL. Without it, everything stays in memory.
     */
    private boolean joinClusterWhenConfigured(Map<String, String> environment) {
        if (!isClustered(environment)) {
            return false;
        }
        String url = environment.get(CLUSTER_DB_URL_VARIABLE);
        main.addOverrideProperty("count.cluster.db.url", url.strip());
        main.addOverrideProperty("count.cluster.db.user", environment.getOrDefault("COUNT_CLUSTER_DB_USER", ""));
        main.addOverrideProperty("count.cluster.db.password", environment.getOrDefault("COUNT_CLUSTER_DB_PASSWORD", ""));
        // The first location that has a key wins: cluster.properties' settings over application.properties'.
        main.setPropertyPlaceholderLocations("classpath:cluster.properties,classpath:application.properties");
        LOG.info("{} set: this demo is a replica of a cluster that shares {}", CLUSTER_DB_URL_VARIABLE, url.strip());
        return true;
    }

    /**
     * Creates the idempotent repositories' table ({@code processedTable}, a {@code CREATE TABLE IF NOT EXISTS}) and
     * runs Quartz's own script, tables_postgres.sql of the quartz jar, unless Quartz's tables are there: that script
     * drops them first, so it must never run while replicas use them. One transaction under an advisory lock, so
     * replicas starting together create each table once (PostgreSQL's DDL is transactional).
     */
    private static void createClusterTablesWhenMissing(DataSource database, String processedTable)
            throws SQLException, IOException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + CLUSTER_TABLES_LOCK + ")");
            statement.execute(processedTable);
            boolean quartzTables;
            try (ResultSet tables = statement.executeQuery("SELECT to_regclass('qrtz_locks') IS NOT NULL")) {
                quartzTables = tables.next() && tables.getBoolean(1);
            }
            if (!quartzTables) {
                for (String sql : quartzScript().replaceAll("(?m)--.*$", "").split(";")) {
                    // The script ends with its own COMMIT; the transaction is committed here.
                    if (!sql.isBlank() && !sql.strip().equalsIgnoreCase("COMMIT")) {
                        statement.execute(sql);
                    }
                }
                LOG.info("Created Quartz's tables ({})", QUARTZ_TABLES);
            }
            connection.commit();
        }
    }

    private static String quartzScript() throws IOException {
        try (InputStream in = org.quartz.Scheduler.class.getClassLoader().getResourceAsStream(QUARTZ_TABLES)) {
            if (in == null) {
                throw new IllegalStateException("The quartz jar has no " + QUARTZ_TABLES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private StartupListener welcomeOnStart() {
        return new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                welcome(context);
            }
        };
    }

    private void welcome(CamelContext camel) {
        String httpServer = "http://localhost:" + camel.resolvePropertyPlaceholders("{{camel.server.port}}");
        URI webhook = URI.create(httpServer + "/crm/deals-won");
        URI sales = URI.create(httpServer + "/pos/sales");
        Path csvInbox = Path.of(camel.resolvePropertyPlaceholders("{{count.csv.inbox}}"));
        String requests = camel.resolvePropertyPlaceholders("{{count.demo.inbox}}");
        if (mock != null) {
            SampleFeed samples = new SampleFeed(Path.of(camel.resolvePropertyPlaceholders("{{count.demo.samples}}")));
            samples.dropCsvFiles(csvInbox);
            samples.postJson("crm", webhook);
            samples.postJson("pos", sales);
        }
        LOG.info("""
                The COUNT demo is running; Ctrl+C stops it.
                  COUNT            {}
                  CRM webhook      POST {}, for example:
                                   curl -H 'Content-Type: application/json' -d '{"dealId": "D-3001", "company": "Hooli", "email": "ap@hooli.example", "amount": 1200}' {}
                  Point of sale    POST {} (a paid sale: invoiced, paid on the bank account, receipt sent), for example:
                                   curl -H 'Content-Type: application/json' -d '{"saleId": "S-3001", "customer": "Hooli", "email": "ap@hooli.example", "items": [{"productUuid": "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02", "quantity": 1, "unitPrice": 49.5}]}' {}
                  Invoice requests drop JSON files into {}
                  CSV drop folder  {}  (results/ lists each row's outcome; files move to done/ or error/)
                  Public pages     every sent invoice's customer page is logged as "pays at <link>"; open one and press Pay
                  COUNT webhooks   {} receives invoice.updated; a payment is logged as soon as COUNT delivers it""",
                mock == null ? camel.resolvePropertyPlaceholders("{{camel.component.count.base-url}}")
                        : mock().baseUrl() + "  (mock; its admin API: " + mock().adminUrl() + "/state)",
                webhook, webhook, sales, sales, Path.of(requests).toAbsolutePath(), csvInbox.toAbsolutePath(),
                camel.resolvePropertyPlaceholders("{{count.webhooks.callback-url}}"));
    }

    /**
     * A second demo on this machine finds the first one's management server on the default port: unless
     * {@code COUNT_DEMO_MANAGEMENT_PORT} names one, it takes a free port and says which, so that two demos need only
     * different {@code COUNT_DEMO_HTTP_PORT}s.
     */
    private void moveTheManagementServerWhenItsPortIsTaken(Map<String, String> environment) {
        String configured = environment.getOrDefault(MANAGEMENT_PORT_VARIABLE, "");
        if (configured.isBlank() && taken(DEFAULT_MANAGEMENT_PORT)) {
            int port = freePort();
            main.addOverrideProperty("camel.management.port", String.valueOf(port));
            LOG.info("Port {} is taken (another demo's health and metrics?): this demo serves /observe/health and"
                     + " /observe/metrics on port {}; {} chooses the port", DEFAULT_MANAGEMENT_PORT, port,
                    MANAGEMENT_PORT_VARIABLE);
        }
    }

    private static boolean isClustered(Map<String, String> environment) {
        String url = environment.get(CLUSTER_DB_URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /**
     * A port nothing listens on now, for a mock asked to take any free port: it must be known before the mock has
     * started. Another program could take it in between; the mock's start then fails, and so does the demo's.
     */
    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the embedded mock COUNT", e);
        }
    }

    /** A thread of its own, with this one's context class loader, which WireMock's extension loading uses. */
    private static void inNewThread(Runnable task) {
        new Thread(task, "count-mock-start").start();
    }

    /** Whether something on this machine already listens on {@code port}. */
    private static boolean taken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException nothingListens) {
            return false;
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

    /** The embedded mock, once it has started; null when the demo calls another COUNT. */
    CountMockServer mock() {
        if (mock == null) {
            return null;
        }
        try {
            return mock.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        if (mock != null) {
            // A mock that failed to start has nothing to stop.
            mock.thenAccept(CountMockServer::stop).exceptionally(failed -> null).join();
        }
    }
}
