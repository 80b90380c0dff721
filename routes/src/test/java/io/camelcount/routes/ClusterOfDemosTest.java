package io.camelcount.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three demos, each in a JVM of its own ({@link CountDemoApplication} in a child process), in cluster mode on one
 * PostgreSQL and one client ID, against a mock COUNT with its real rate limit and short-lived access tokens. They
 * share a CSV drop folder, an invoice requests folder, the scheduled stories, the polling payment watcher and the
 * webhook deliveries; one is killed (SIGKILL) while files are being read, and the other two carry on. Each file,
 * schedule fire, paid invoice and delivery is handled once, judged from the demos' logs and from COUNT's side.
 */
class ClusterOfDemosTest {

    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(8);
    private static final Duration BOUND = Duration.ofSeconds(180);
    private static final int FILES_PER_BATCH = 3;
    private static final Pattern FIRED = Pattern.compile("Nightly send scheduled for (.+)$");
    private static final Pattern POLLED_OR_DELIVERED = Pattern.compile("Invoice (\\S+) \\(\\S+\\) is paid");
    private static final Pattern DELIVERED = Pattern.compile("COUNT delivered invoice.updated \\S+: invoice (\\S+) is paid");
    private static final Pattern REQUEST_CREATED = Pattern.compile("Invoice (\\S+) \\(\\S+\\) created: ");

    private static EmbeddedPostgres database;
    private static CountMockServer mock;

    @TempDir
    Path dir;

    private final List<Demo> demos = new ArrayList<>();
    private Path csvInbox;

    @BeforeAll
    static void startDatabaseAndCount() throws IOException {
        database = EmbeddedPostgres.start();
        mock = CountMockServer.builder().port(0).accessTokenLifetime(ACCESS_TOKEN_LIFETIME).requestJournal(50_000)
                .start();
    }

    @AfterAll
    static void stopDatabaseAndCount() throws IOException {
        mock.stop();
        database.close();
    }

    @AfterEach
    void stopDemos() {
        demos.forEach(demo -> demo.process.destroyForcibly());
    }

    @Test
    void threeDemosShareTheWorkAndTwoCarryOnWhenOneIsKilled() throws Exception {
        csvInbox = Files.createDirectories(dir.resolve("csv"));
        Path requests = Files.createDirectories(dir.resolve("requests"));
        for (String name : List.of("acme-consulting.json", "globex-support.json")) {
            Files.copy(Path.of("samples/invoice-requests", name), requests.resolve(name));
        }
        // The seeded access token never expires by itself; expired, the run starts with a rotation, and the short
        // lifetime brings one every few seconds.
        expireTheAccessToken();
        int webhookPort = RunningDemo.freePort();
        // One after the other: each subscribes the one callback URL at COUNT only when no replica has yet.
        Demo first = start("replica-1", webhookPort, requests, webhookPort);
        Demo second = start("replica-2", RunningDemo.freePort(), requests, webhookPort);
        Demo killed = start("replica-3", RunningDemo.freePort(), requests, webhookPort);
        Workspace workspace = mock.demoWorkspace();

        List<String> firstBatch = dropFiles(1);
        await().atMost(BOUND).until(() -> filesIn("done").size() == FILES_PER_BATCH);
        List<Invoice> paidFirst = pay(workspace, firstBatch);
        await().atMost(BOUND).until(() -> reportedTwice(paidFirst));

        List<String> secondBatch = dropFiles(2);
        // While the replicas read the new files; a file the killed one held is taken over once its claim is older
        // than the lease.
        await().atMost(BOUND).until(() -> claimed("batch-2-") > 0);
        killed.kill();
        int firesBeforeTheKill = fires().size();
        await().atMost(BOUND).until(() -> filesIn("done").size() == 2 * FILES_PER_BATCH);
        List<Invoice> paidSecond = pay(workspace, secondBatch);
        await().atMost(BOUND).until(() -> reportedTwice(paidSecond));
        await().atMost(BOUND).until(() -> fires().size() >= firesBeforeTheKill + 2);

        List<String> fires = fires();
        Map<String, Long> reported = count(POLLED_OR_DELIVERED);
        Map<String, Long> delivered = count(DELIVERED);
        Map<String, Long> created = count(REQUEST_CREATED);
        List<JsonNode> journal = journal();
        long tooMany = journal.stream().filter(entry -> status(entry) == 429).count();
        List<JsonNode> refreshes = journal.stream()
                .filter(entry -> entry.path("request").path("url").asText().startsWith("/partners/refresh-user-access-token")).toList();
        System.out.printf("Cluster of 3 demos: %d CSV files read, %d invoices paid and reported, %d schedule fires"
                          + " (%d before the kill), %d invoice requests, %d requests to COUNT, %d refreshes, %d 429s%n",
                filesIn("done").size(), paidFirst.size() + paidSecond.size(), fires.size(), firesBeforeTheKill,
                created.size(), journal.size(), refreshes.size(), tooMany);

        assertThat(filesIn("done")).as("every file read and moved to done/, once")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(firstBatch.stream(), secondBatch.stream()).toList());
        assertThat(filesIn("error")).as("no file failed").isEmpty();
        for (String reference : references(2)) {
            assertThat(workspace.invoices().stream().filter(invoice -> reference.equals(invoice.invoiceNumber())))
                    .as("invoices numbered %s", reference).hasSize(1);
        }
        assertThat(fires).as("each schedule fire handled by one replica").doesNotHaveDuplicates();
        for (Invoice paid : Stream.concat(paidFirst.stream(), paidSecond.stream()).toList()) {
            assertThat(reported.get(paid.invoiceNumber())).as("%s reported by the poller and the webhook",
                    paid.invoiceNumber()).isEqualTo(2);
            assertThat(delivered.get(paid.invoiceNumber())).as("%s delivered", paid.invoiceNumber()).isEqualTo(1);
        }
        assertThat(created.values()).as("each invoice request read by one replica").hasSize(2).containsOnly(1L);
        assertThat(tooMany).as("429s").isZero();
        assertThat(refreshes).as("refreshes: each answered, none refused for a spent refresh token")
                .isNotEmpty().allMatch(entry -> status(entry) == 200);
        List<Long> refreshedAt = refreshes.stream().map(entry -> entry.path("request").path("loggedDate").asLong())
                .sorted().toList();
        for (int i = 1; i < refreshedAt.size(); i++) {
            // A rotation's token is refreshed a margin (3 s) before it expires (8 s): one refresh per rotation,
            // whichever replica makes it, so refreshes are some 5 s apart, never two in a row.
            assertThat(refreshedAt.get(i) - refreshedAt.get(i - 1)).as("ms between refreshes %d and %d", i, i + 1)
                    .isGreaterThanOrEqualTo(ACCESS_TOKEN_LIFETIME.minusSeconds(3).toMillis() / 2);
        }
        assertThat(first.process.isAlive() && second.process.isAlive()).as("the survivors run").isTrue();
    }

    private Demo start(String name, int httpPort, Path requests, int webhookPort) throws IOException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(CountDemoApplication.BASE_URL_VARIABLE, mock.baseUrl());
        environment.put("COUNT_CLIENT_ID", DemoWorkspace.CLIENT_ID);
        environment.put("COUNT_CLIENT_SECRET", DemoWorkspace.CLIENT_SECRET);
        environment.put("COUNT_ACCESS_TOKEN", DemoWorkspace.ACCESS_TOKEN);
        environment.put("COUNT_REFRESH_TOKEN", DemoWorkspace.REFRESH_TOKEN);
        environment.put(CountDemoApplication.CLUSTER_DB_URL_VARIABLE, database.getJdbcUrl("postgres", "postgres"));
        environment.put("COUNT_CLUSTER_DB_USER", "postgres");
        environment.put("COUNT_CLUSTER_DB_PASSWORD", "");
        environment.put("COUNT_DEMO_HTTP_PORT", String.valueOf(httpPort));
        environment.put(CountDemoApplication.MANAGEMENT_PORT_VARIABLE, String.valueOf(RunningDemo.freePort()));
        environment.put("COUNT_DEMO_INBOX", requests.toString());
        environment.put("COUNT_CSV_INBOX", csvInbox.toString());
        environment.put("COUNT_STATE_DIR", dir.resolve(name + "-state").toString());
        environment.put("COUNT_NIGHTLY_SEND_CRON", "0/3 * * * * ?");
        environment.put("COUNT_PAYMENT_WATCHER_CRON", "0/3 * * * * ?");
        environment.put("COUNT_WEBHOOK_CALLBACK_URL", "http://localhost:" + webhookPort + "/count/webhooks");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // A refresh a margin before the short-lived access token expires, not at every call.
                "-Dcamel.component.count.token-refresh-margin=3000",
                // The demo's logging, not the tests' (log4j2-test.properties, warnings only): the test reads the log.
                "-Dlog4j2.configurationFile=log4j2.properties",
                // A killed replica's claim on a file is taken over after 60 s rather than 10 minutes: still longer
                // than a file takes on a loaded machine (a claim is not renewed while its file is read).
                "-Dcount.cluster.claim-lease=60 seconds",
                CountDemoApplication.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Demo demo = new Demo(name, builder);
        demos.add(demo);
        try {
            await().atMost(BOUND).until(() -> demo.logged("The COUNT demo is running") || !demo.process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " did not start within " + BOUND + ":\n" + demo.output(), e);
        }
        assertThat(demo.process.isAlive()).as(name + " started:\n%s", demo.output()).isTrue();
        return demo;
    }

    /** Drops a batch of CSV files, two rows each, and answers their names. */
    private List<String> dropFiles(int batch) throws IOException {
        List<String> names = new ArrayList<>();
        for (int file = 1; file <= FILES_PER_BATCH; file++) {
            String name = "batch-" + batch + "-" + file + ".csv";
            StringBuilder csv = new StringBuilder("reference,customerEmail,date,productUuid,quantity,unitPrice\n");
            for (int row = 1; row <= 2; row++) {
                csv.append(reference(batch, file, row)).append(",billing@acme.example,").append(LocalDate.now())
                        .append(',').append(DemoWorkspace.CONSULTING_HOUR).append(",1,100\n");
            }
            // Written beside the folder and moved in, as a file arrives whole.
            Path written = Files.writeString(dir.resolve(name), csv);
            Files.move(written, csvInbox.resolve(name));
            names.add(name);
        }
        return names;
    }

    private static String reference(int batch, int file, int row) {
        return "CL-" + batch + "-" + file + "-" + row;
    }

    private static List<String> references(int batches) {
        List<String> references = new ArrayList<>();
        for (int batch = 1; batch <= batches; batch++) {
            for (int file = 1; file <= FILES_PER_BATCH; file++) {
                references.add(reference(batch, file, 1));
                references.add(reference(batch, file, 2));
            }
        }
        return references;
    }

    /** Approves and pays, as the customer would, the invoices the files created. */
    private static List<Invoice> pay(Workspace workspace, List<String> files) {
        List<Invoice> paid = new ArrayList<>();
        for (Invoice invoice : workspace.invoices()) {
            if (invoice.invoiceNumber() != null && files.stream().anyMatch(file -> invoice.invoiceNumber()
                    .startsWith("CL-" + file.substring("batch-".length(), file.length() - ".csv".length()) + "-"))) {
                workspace.approve(Actor.partner(DemoWorkspace.CLIENT_ID), invoice.uuid());
                paid.add(workspace.payBalance(invoice.uuid()));
            }
        }
        assertThat(paid).as("the invoices of %s", files).hasSize(2 * files.size());
        return paid;
    }

    private boolean reportedTwice(List<Invoice> paid) {
        Map<String, Long> reported = count(POLLED_OR_DELIVERED);
        return paid.stream().allMatch(invoice -> reported.getOrDefault(invoice.invoiceNumber(), 0L) >= 2);
    }

    private List<String> filesIn(String folder) throws IOException {
        Path path = csvInbox.resolve(folder);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** The CSV files whose names start with {@code prefix} that a replica has taken. */
    private static int claimed(String prefix) throws Exception {
        try (var connection = database.getPostgresDatabase().getConnection();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName"
                                                         + " = 'invoice-csv-drop' AND messageId LIKE ?")) {
            statement.setString(1, prefix + "%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private List<String> fires() {
        return lines().map(FIRED::matcher).filter(Matcher::find).map(found -> found.group(1)).toList();
    }

    /** How many lines, over every demo's log, match {@code pattern}, by its first group. */
    private Map<String, Long> count(Pattern pattern) {
        return lines().map(pattern::matcher).filter(Matcher::find)
                .collect(Collectors.groupingBy(found -> found.group(1), Collectors.counting()));
    }

    private Stream<String> lines() {
        return demos.stream().flatMap(demo -> demo.lines().stream());
    }

    private static List<JsonNode> journal() throws IOException {
        JsonNode requests = new ObjectMapper().readTree(URI.create(mock.baseUrl() + "/__admin/requests?limit=100000")
                .toURL()).path("requests");
        List<JsonNode> entries = new ArrayList<>();
        requests.forEach(entries::add);
        return entries;
    }

    private static void expireTheAccessToken() throws IOException, InterruptedException {
        HttpResponse<String> expired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(mock.adminUrl() + "/tokens/expire"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\": \"" + DemoWorkspace.CLIENT_ID + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).as("expiring the access token: %s", expired.body()).isEqualTo(200);
    }

    private static int status(JsonNode entry) {
        return entry.path("response").path("status").asInt();
    }

    /** A demo in a child JVM, and what it has logged, in target/cluster-of-demos/ (kept for a failed run). */
    private static final class Demo {
        final String name;
        final Process process;
        final Path log;

        Demo(String name, ProcessBuilder builder) throws IOException {
            this.name = name;
            this.log = Files.createDirectories(Path.of("target", "cluster-of-demos")).resolve(name + ".log");
            this.process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        List<String> lines() {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean logged(String text) {
            return lines().stream().anyMatch(line -> line.contains(text));
        }

        String output() {
            return String.join("\n", lines());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as(name + " killed").isTrue();
        }
    }
}
