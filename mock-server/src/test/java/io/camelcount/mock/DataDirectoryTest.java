package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.store.DamagedStateException;
import io.camelcount.mock.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --data-dir}: what a mock held is there again after a restart on the same directory, every answer's change
 * is on disk before the answer, and a damaged file stops the start instead of being replaced by the seed.
 */
class DataDirectoryTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final String STATE_FILE = "state.json";

    @TempDir
    Path directory;
    /** Where a copy of the directory goes, as a crash would leave it. */
    @TempDir
    Path elsewhere;

    private final List<CountMockServer> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(CountMockServer::stop);
    }

    private CountMockServer start(Path dataDir, MockClock clock) {
        CountMockServer server = CountMockServer.builder().port(0).rateLimit(0).clock(clock).dataDir(dataDir).start();
        started.add(server);
        return server;
    }

    private CountMockServer start(MockClock clock) {
        return start(directory, clock);
    }

    @Test
    void everythingAMockHeldIsThereAfterARestart() {
        CountMockServer first = start(MockClock.fixed(START));
        PartnerClient partner = new PartnerClient(first);
        AdminClient admin = new AdminClient(first);
        String invoice = created(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "300", true)));
        String memo = created(partner.post("/partners/invoices", Bodies.document("memo", Bodies.ACME, "80", true)));
        created(partner.post("/partners/invoices", Bodies.invoice()));
        ok(partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice",
                "{\"creditMemos\":[{\"id\":\"" + memo + "\",\"amount\":50}]}"));
        ok(admin.post("/payments", "{\"invoiceUuid\":\"" + invoice + "\",\"amount\":100}"));
        ok(partner.post("/partners/invoices/" + invoice + "/send", "{}"));
        String template = created(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\"" + Bodies.ACME
                + "\",\"date\":\"2026-11-25\",\"dueDate\":\"2026-12-10\",\"products\":[{\"productUuid\":\"" + Bodies.CONSULTING
                + "\",\"quantity\":1,\"unitPrice\":100}],\"recurrencePattern\":\"weekly\"}"));
        ok(partner.post("/partners/recurring-invoice-templates/" + template + "/resume", null));
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\",\"email\":\"ap@initech.example\"}"));
        String tag = created(partner.post("/partners/tags", "{\"name\":\"Project X\",\"color\":\"#ff8800\"}"));
        created(partner.post("/partners/tags/groups", "{\"name\":\"Projects\",\"tagUuids\":[\"" + tag + "\"]}"));
        ok(partner.post("/partners/invoices/" + invoice + "/attachments",
                "{\"attachments\":[{\"url\":\"https://files.example/contract.pdf\",\"title\":\"Contract\"}]}"));
        ok(admin.post("/clock/advance", "{\"duration\":\"P3D\"}"));
        JsonNode rotated = ok(refresh(partner, DemoWorkspace.REFRESH_TOKEN)).data().get("result");
        PartnerClient rotatedPartner = partnerWith(first, rotated.get("accessToken").asText());
        JsonNode invoicesBefore = ok(rotatedPartner.get("/partners/invoices?limit=100")).data();
        JsonNode auditBefore = ok(partner.get("/partners/invoices/" + invoice + "/audit-log")).data();
        JsonNode customersBefore = ok(partner.get("/partners/customers")).data();
        JsonNode tagGroupsBefore = ok(partner.get("/partners/tags/groups")).data();
        JsonNode templateBefore = ok(partner.get("/partners/recurring-invoice-templates/" + template)).data();
        JsonNode stateBefore = ok(admin.get("/state")).data();
        first.stop();

        CountMockServer second = start(MockClock.fixed(Instant.parse("2031-01-01T00:00:00Z")));
        PartnerClient again = partnerWith(second, rotated.get("accessToken").asText());
        AdminClient secondAdmin = new AdminClient(second);

        assertThat(second.clock().instant()).as("the clock continues where it stood").isEqualTo(START.plus(Duration.ofDays(3)));
        assertThat(ok(again.get("/partners/invoices?limit=100")).data()).isEqualTo(invoicesBefore);
        assertThat(ok(again.get("/partners/invoices/" + invoice + "/audit-log")).data()).isEqualTo(auditBefore);
        assertThat(ok(again.get("/partners/customers")).data()).isEqualTo(customersBefore);
        assertThat(ok(again.get("/partners/tags/groups")).data()).isEqualTo(tagGroupsBefore);
        assertThat(invoicesBefore.toString()).contains("https://files.example/contract.pdf");
        assertThat(tagGroupsBefore.toString()).contains("Projects", tag);
        assertThat(ok(again.get("/partners/recurring-invoice-templates/" + template)).data()).isEqualTo(templateBefore);
        assertThat(ok(secondAdmin.get("/state")).data()).isEqualTo(stateBefore);
        assertThat(second.demoWorkspace().outbox()).singleElement()
                .satisfies(email -> assertThat(email.recipients()).containsExactly("billing@acme.example"));
        assertThat(invoicesBefore.toString()).contains("\"balanceDue\":150", "\"status\":\"partial\"");
        assertThat(created(again.post("/partners/invoices", Bodies.invoice())))
                .satisfies(uuid -> assertThat(second.demoWorkspace().invoice(UUID.fromString(uuid)).invoiceNumber())
                        .as("numbers continue").isEqualTo("INV-0004"));

        refresh(again, DemoWorkspace.REFRESH_TOKEN).assertErrorEnvelope(403);
        JsonNode rotatedAgain = ok(refresh(again, rotated.get("refreshToken").asText())).data().get("result");
        assertThat(rotatedAgain.get("refreshToken").asText()).isNotEqualTo(rotated.get("refreshToken").asText());
        refresh(again, rotated.get("refreshToken").asText()).assertErrorEnvelope(403);
    }

    @Test
    void webhookSubscriptionsSurviveARestartWithTheirSecretButPendingDeliveriesDoNot() {
        CountMockServer first = start(MockClock.fixed(START));
        PartnerClient partner = new PartnerClient(first);
        // Port 1 refuses the connection: the delivery fails and waits for its retry.
        Reply subscribed = partner.post("/partners/webhooks", "{\"event\":\"customer.created\",\"callbackUrl\":"
                + "\"http://127.0.0.1:1/hook\",\"signingSecret\":\"kept-signing-secret\"}");
        assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
        String webhook = subscribed.data().path("webhook").path("uuid").asText();
        created(partner.post("/partners/customers", "{\"customer\":\"Initech\"}"));
        ok(new AdminClient(first).post("/webhooks/deliveries/await", null));
        assertThat(first.webhooks().deliveries().list(null)).singleElement()
                .satisfies(delivery -> assertThat(delivery.state()).isEqualTo("pending"));
        first.stop();

        CountMockServer second = start(MockClock.fixed(START));

        assertThat(ok(new PartnerClient(second).get("/partners/webhooks")).recordTexts("uuid")).containsExactly(webhook);
        assertThat(second.webhooks().subscriptions().all()).singleElement()
                .satisfies(subscription -> assertThat(subscription.signingSecret()).isEqualTo("kept-signing-secret"));
        assertThat(second.webhooks().deliveries().list(null)).as("pending deliveries are lost").isEmpty();
    }

    @Test
    void aRotatedRefreshTokenIsOnDiskBeforeTheAnswerThatHandsItOut() throws IOException {
        CountMockServer running = start(MockClock.fixed(START));
        PartnerClient partner = new PartnerClient(running);
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice()));

        String refreshToken = ok(refresh(partner, DemoWorkspace.REFRESH_TOKEN)).data().get("result").get("refreshToken").asText();

        // The mock is not stopped: a copy of its directory now is what a crash right after the answer would leave.
        Files.copy(directory.resolve(STATE_FILE), elsewhere.resolve(STATE_FILE));
        CountMockServer afterCrash = start(elsewhere, MockClock.fixed(START));
        PartnerClient client = new PartnerClient(afterCrash);
        refresh(client, DemoWorkspace.REFRESH_TOKEN).assertErrorEnvelope(403);
        ok(refresh(client, refreshToken));
        // The token's save wrote everything else that had changed, such as the invoice made just before.
        assertThat(afterCrash.demoWorkspace().holdsInvoice(UUID.fromString(invoice))).isTrue();
    }

    @Test
    void anInvoiceReachesTheDiskWithoutAStopSoThatACrashKeepsIt() throws Exception {
        CountMockServer running = start(MockClock.fixed(START));
        String invoice;
        try (WatchService watcher = directory.getFileSystem().newWatchService()) {
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);

            invoice = created(new PartnerClient(running).post("/partners/invoices", Bodies.invoice()));

            awaitSaved(watcher, invoice);
        }
        Files.copy(directory.resolve(STATE_FILE), elsewhere.resolve(STATE_FILE));
        CountMockServer afterCrash = start(elsewhere, MockClock.fixed(START));
        assertThat(afterCrash.demoWorkspace().invoice(UUID.fromString(invoice)).invoiceNumber()).isEqualTo("INV-0001");
    }

    /** Waits, on the file system's events rather than a timer, until state.json holds {@code text}. */
    private void awaitSaved(WatchService watcher, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DataDirectory.WRITE_BEHIND.multipliedBy(10).toNanos();
        while (!Files.readString(directory.resolve(STATE_FILE)).contains(text)) {
            WatchKey changed = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(changed).as("state.json holds %s within %s", text, DataDirectory.WRITE_BEHIND.multipliedBy(10))
                    .isNotNull();
            changed.pollEvents();
            changed.reset();
        }
    }

    @Test
    void anAuthorisationCodeSurvivesARestart() {
        CountMockServer first = start(MockClock.fixed(START));
        AdminClient browser = new AdminClient(first);
        Reply initiated = ok(browser.get("/auth2/authorize-intiate?clientId=" + DemoWorkspace.CLIENT_ID + "&redirectUri="
                + URLEncoder.encode("https://crm.example/callback", StandardCharsets.UTF_8)));
        String location = browser.fetch(initiated.dataText("redirectUri")).header("Location");
        String code = location.replaceFirst(".*code=([^&]*).*", "$1");
        first.stop();

        CountMockServer second = start(MockClock.fixed(START));
        Reply granted = new PartnerClient(second).call("POST", "/partners/grant-access-token")
                .body("{\"grantType\":\"authorization_code\",\"code\":\"" + code + "\"}").token(null).send();

        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
    }

    @Test
    void anEmptyDirectoryStartsFromTheSeedAndKeepsIt() throws IOException {
        Path fresh = directory.resolve("not-yet-there");
        CountMockServer first = start(fresh, MockClock.fixed(START));

        assertThat(fresh.resolve(STATE_FILE)).exists();
        assertThat(first.demoWorkspace().invoices()).isEmpty();
        assertThat(filesIn(fresh)).containsExactlyInAnyOrder(STATE_FILE, ".lock");
        if (fresh.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // It holds client secrets and tokens.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve(STATE_FILE))))
                    .isEqualTo("rw-------");
        }
        first.stop();

        CountMockServer second = start(fresh, MockClock.fixed(START));
        ok(new PartnerClient(second).get("/partners/invoices"));
        assertThat(second.demoWorkspace().invoices()).isEmpty();
    }

    @Test
    void aTickingClockKeepsItsDistanceFromRealTime() {
        CountMockServer first = start(MockClock.system());
        ok(new AdminClient(first).post("/clock/advance", "{\"duration\":\"P7D\"}"));
        first.stop();

        CountMockServer second = start(MockClock.system());

        assertThat(second.clock().offset()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theResetClearsTheDirectoryToo() {
        CountMockServer first = start(MockClock.fixed(START));
        created(new PartnerClient(first).post("/partners/invoices", Bodies.invoice()));
        ok(new AdminClient(first).post("/reset", null));
        first.stop();

        CountMockServer second = start(MockClock.fixed(START));

        assertThat(second.demoWorkspace().invoices()).isEmpty();
        ok(refresh(new PartnerClient(second), DemoWorkspace.REFRESH_TOKEN));
    }

    @Test
    void changesThroughTheJavaApiAreSavedAtStop() {
        CountMockServer first = start(MockClock.fixed(START));
        String invoice = created(new PartnerClient(first).post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "90", true)));
        first.demoWorkspace().recordPayment(UUID.fromString(invoice), new BigDecimal("90"));
        first.stop();

        CountMockServer second = start(MockClock.fixed(START));

        assertThat(ok(new PartnerClient(second).get("/partners/invoices/" + invoice)).dataText("paymentStatus")).isEqualTo("paid");
    }

    @Test
    void transactionsAndThePaymentsTheyMadeAreKept() {
        CountMockServer first = start(MockClock.fixed(START));
        PartnerClient partner = new PartnerClient(first);
        String invoice = created(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "90", true)));
        String transaction = created(partner.post(TransactionTest.TRANSACTIONS, TransactionTest.deposit("100")
                .replace("}", ",\"tagUuids\":[],\"notes\":\"n\",\"customerUuid\":\"" + Bodies.ACME + "\"}")));
        ok(partner.post(TransactionTest.TRANSACTIONS + "/" + transaction + "/assign-to-bills-invoices",
                "{\"matchingType\":\"invoice\",\"records\":[{\"id\":\"" + invoice + "\",\"paymentAmount\":40,\"notes\":\"part\"}]}"));
        String before = ok(partner.get(TransactionTest.TRANSACTIONS + "/" + transaction)).data().toString();
        first.stop();

        CountMockServer second = start(MockClock.fixed(START));
        PartnerClient again = new PartnerClient(second);

        assertThat(ok(again.get(TransactionTest.TRANSACTIONS + "/" + transaction)).data().toString()).isEqualTo(before);
        assertThat(ok(again.get("/partners/invoices/" + invoice)).text()).contains("\"amountPaid\":40", "\"balanceDue\":50");
        ok(again.patch("/partners/invoices/" + invoice + "/remove-transaction", "{\"transactionId\":\"" + transaction + "\"}"));
        assertThat(ok(again.get(TransactionTest.TRANSACTIONS + "/" + transaction)).data().get("unassignedAmount").asInt())
                .isEqualTo(100);
    }

    @Test
    void aCutShortFileStopsTheStartAndStaysAsItIs() throws IOException {
        start(MockClock.fixed(START)).stop();
        Path file = directory.resolve(STATE_FILE);
        byte[] whole = Files.readAllBytes(file);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        Files.write(file, cut);

        assertThatThrownBy(() -> start(MockClock.fixed(START)))
                .isInstanceOf(DamagedStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("is not whole JSON")
                .hasMessageContaining("line ");
        assertThat(Files.readAllBytes(file)).isEqualTo(cut);

        Files.write(file, whole);
        ok(new PartnerClient(start(MockClock.fixed(START))).get("/partners/invoices"));
    }

    @Test
    void aFileOfAnotherVersionOrShapeStopsTheStart() throws IOException {
        start(MockClock.fixed(START)).stop();
        Path file = directory.resolve(STATE_FILE);
        String whole = Files.readString(file);

        Files.writeString(file, whole.replaceFirst("\"version\":3", "\"version\":99"));
        assertThatThrownBy(() -> start(MockClock.fixed(START))).isInstanceOf(DamagedStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("format version 99").hasMessageContaining("reads version 3");

        Files.writeString(file, "{\"workspaces\":[]}");
        assertThatThrownBy(() -> start(MockClock.fixed(START))).isInstanceOf(DamagedStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("no \"version\" field");

        Files.writeString(file, whole.replaceFirst("\"currency\":\"GBP\"", "\"currency\":\"GBP\",\"colour\":\"red\""));
        assertThatThrownBy(() -> start(MockClock.fixed(START))).isInstanceOf(DamagedStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("does not hold the mock's state").hasMessageContaining("colour");

        Files.writeString(file, whole.replaceFirst("\"name\":\"Demo Workspace\"", "\"name\":null"));
        assertThatThrownBy(() -> start(MockClock.fixed(START))).isInstanceOf(DamagedStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void noTemporaryFileIsLeftAndOneLeftByACrashDoesNotBreakTheStart() throws IOException {
        CountMockServer first = start(MockClock.fixed(START));
        PartnerClient partner = new PartnerClient(first);
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice()));
        ok(partner.patch("/partners/invoices/" + invoice + "/approve"));
        assertThat(filesIn(directory)).containsExactlyInAnyOrder(STATE_FILE, ".lock");
        first.stop();
        Files.writeString(directory.resolve(STATE_FILE + ".tmp"), "{\"version\" : 1, \"half a wri");

        CountMockServer second = start(MockClock.fixed(START));

        assertThat(ok(new PartnerClient(second).get("/partners/invoices/" + invoice)).dataText("status")).isEqualTo("approved");
        assertThat(filesIn(directory)).containsExactlyInAnyOrder(STATE_FILE, ".lock");
    }

    @Test
    void whenTheDirectoryCannotBeWrittenNoChangeIsConfirmed() throws IOException {
        Path gone = directory.resolve("gone");
        CountMockServer running = start(gone, MockClock.fixed(START));
        try (Stream<Path> files = Files.list(gone)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(gone);
        Files.writeString(gone, "a file where the directory was");

        refresh(new PartnerClient(running), DemoWorkspace.REFRESH_TOKEN).assertErrorEnvelope(503);
        Reply advanced = new AdminClient(running).post("/clock/advance", "{\"seconds\":5}").assertErrorEnvelope(503);

        assertThat(advanced.code()).isEqualTo("state_not_saved");
        assertThat(advanced.text()).contains(gone.resolve(STATE_FILE).toString()).doesNotContain("demo-secret");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> start(file, MockClock.fixed(START))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("not a directory");
    }

    @Test
    void aSecondMockOnTheSameDirectoryIsRefused() {
        start(MockClock.fixed(START));

        assertThatThrownBy(() -> start(MockClock.fixed(START))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(directory.toAbsolutePath().toString()).hasMessageContaining("in use");
    }

    @Test
    void concurrentRequestsWhileSavingKeepEveryInvariant() throws Exception {
        CountMockServer first = start(MockClock.fixed(START));
        String memo = created(new PartnerClient(first).post("/partners/invoices", Bodies.document("memo", Bodies.ACME, "100", true)));
        int threads = 6;
        int perThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                PartnerClient partner = new PartnerClient(first);
                futures.add(pool.submit(() -> {
                    go.await();
                    List<String> invoices = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String invoice = created(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "10", true)));
                        invoices.add(invoice);
                        // Every thread races for the one memo's 100 of credit: at most ten of these 48 succeed.
                        partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice",
                                "{\"creditMemos\":[{\"id\":\"" + memo + "\",\"amount\":10}]}");
                    }
                    return invoices;
                }));
            }
            go.countDown();
            for (Future<List<String>> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode before = ok(new AdminClient(first).get("/state")).data();
        first.stop();

        CountMockServer second = start(MockClock.fixed(START));
        JsonNode after = ok(new AdminClient(second).get("/state")).data();

        assertThat(after).isEqualTo(before);
        JsonNode invoices = after.get("workspaces").get(0).get("invoices");
        Set<String> numbers = new HashSet<>();
        invoices.forEach(document -> numbers.add(document.get("invoiceType").asText() + document.get("invoiceNumber").asText()));
        assertThat(invoices).hasSize(1 + threads * perThread);
        assertThat(numbers).hasSize(invoices.size());
        assertThat(second.demoWorkspace().invoice(UUID.fromString(memo)).remainingCredit()).isEqualByComparingTo("0");
        assertThat(second.demoWorkspace().invoices()).filteredOn(document -> document.invoiceType() == InvoiceType.INVOICE)
                .filteredOn(document -> document.creditsApplied().signum() > 0)
                .hasSize(10)
                .allSatisfy(document -> assertThat(document.balanceDue()).isEqualByComparingTo("0"));
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenOnlyTheWinnersPairIsKept() throws Exception {
        CountMockServer first = start(MockClock.fixed(START));
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Reply>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                PartnerClient partner = new PartnerClient(first);
                futures.add(pool.submit(() -> {
                    go.await();
                    return refresh(partner, DemoWorkspace.REFRESH_TOKEN);
                }));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
            List<Reply> winners = replies.stream().filter(reply -> reply.status() == 200).toList();
            assertThat(winners).hasSize(1);
            String refreshToken = winners.get(0).data().get("result").get("refreshToken").asText();
            first.stop();

            PartnerClient partner = new PartnerClient(start(MockClock.fixed(START)));
            refresh(partner, DemoWorkspace.REFRESH_TOKEN).assertErrorEnvelope(403);
            ok(refresh(partner, refreshToken));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static PartnerClient partnerWith(CountMockServer server, String accessToken) {
        return new PartnerClient(server.baseUrl(), server.clock(), DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET, accessToken);
    }

    private static Reply refresh(PartnerClient partner, String refreshToken) {
        return partner.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + refreshToken + "\"}").token(null).send();
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
        return reply.dataText("id");
    }
}
