package io.camelcount.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelcount.component.model.CountResource;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.NewCustomer;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.NewInvoiceLine;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Issue 19: COUNT requests per business outcome for each YAML story of {@code routes/}, counted in the mock COUNT's
 * request journal while the stories run as shipped (Camel Main, the YAML routes, application.properties), beside the
 * fewest requests COUNT's API allows for the same outcomes. COUNT allows a client ID 100 requests a minute, so the
 * requests an outcome costs, not its latency, decide how much an integration gets done.
 * <p>
 * Each story is driven {@value #OUTCOMES} times through its real entry (the webhooks over HTTP, the CSV file in its
 * folder, the direct: endpoints the schedules call), the journal cleared before and read after. OAuth token calls are
 * counted apart (they follow the access token's lifetime, not the outcomes); the payment watcher's polls (a list with
 * {@code status=paid}) are counted apart too, since they run on their own schedule. The component's own limiter and
 * the mock's are off: the figure is requests, not time.
 */
public final class CallsPerOutcomeBenchmark {

    static final int OUTCOMES = 20;
    /** Paid invoices in the workspace when the polling watcher's cost is measured: a shop after a few weeks. */
    private static final int PAID_INVOICES = 250;
    private static final int POLLS = 3;
    private static final Duration FILE_WAIT = Duration.ofSeconds(60);

    private final CountMockServer mock;
    private final CountJournal journal;
    private final Main main = new Main();
    private final Path folder;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<CallsPerOutcome> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int tokenCalls;
    private ProducerTemplate template;

    /** Camel Main's routes-include-pattern: the routes whose requests are counted. */
    private final String routes;

    private CallsPerOutcomeBenchmark(Path folder, String routes) throws IOException {
        this.folder = folder;
        this.routes = routes;
        mock = CountMockServer.builder().port(0).rateLimit(0).requestJournal(100_000).start();
        journal = new CountJournal(mock.baseUrl());
        try (ServerSocket socket = new ServerSocket(0)) {
            httpPort = socket.getLocalPort();
        }
    }

    /**
     * @param args optionally, a folder with the YAML routes as they were before (e.g. {@code git show
     *             <commit>:routes/src/main/resources/routes/<file>} for each file): their figures are measured first,
     *             in the same run, and printed beside the shipped routes' as the "before" column
     */
    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        List<CallsPerOutcome> before = args.length == 0 ? List.of()
                : measure("file:" + Path.of(args[0]).toAbsolutePath() + "/*.camel.yaml").figures;
        CallsPerOutcomeBenchmark shipped = measure("classpath:routes/*.camel.yaml");
        shipped.print(before);
    }

    private static CallsPerOutcomeBenchmark measure(String routes) throws Exception {
        CallsPerOutcomeBenchmark benchmark = new CallsPerOutcomeBenchmark(Files.createTempDirectory("calls-per-outcome"),
                routes);
        try {
            benchmark.run();
            return benchmark;
        } finally {
            benchmark.close();
        }
    }

    private void run() throws Exception {
        start();
        invoiceRequests();
        wonDeals();
        sales();
        csvRows();
        nightlySending();
        overdueReminders();
        refunds();
        subscriptions();
        pollingWatcher();
        webhookWatcher();
    }

    /** The demo's routes and properties, pointed at this mock, with the watcher's schedule left to the benchmark. */
    private void start() throws Exception {
        main.addOverrideProperty("camel.main.routes-include-pattern", routes);
        main.addOverrideProperty("camel.component.count.base-url", mock.baseUrl());
        main.addOverrideProperty("camel.component.count.rate-limit", "0");
        main.addOverrideProperty("camel.server.port", String.valueOf(httpPort));
        main.addOverrideProperty("count.demo.inbox", folder.resolve("invoice-requests").toString());
        main.addOverrideProperty("count.csv.inbox", folder.resolve("invoice-csv").toString());
        main.addOverrideProperty("count.state-dir", folder.resolve("state").toString());
        // Polled by pollingWatcher() only (after the first poll at start), so its requests are not mixed with others'.
        main.addOverrideProperty("count.payment-watcher.delay", String.valueOf(Duration.ofHours(1).toMillis()));
        main.start();
        template = camel().createProducerTemplate();
        List<CountJournal.Call> atStart = storyCalls(journal.calls());
        notes.add("At start the webhook watcher subscribes: " + atStart.size() + " requests (" + describe(atStart)
                  + "), once per start, none per payment.");
        journal.clear();
    }

    private CamelContext camel() {
        return main.getCamelContext();
    }

    private Workspace workspace() {
        return mock.demoWorkspace();
    }

    /** invoice-lifecycle: a JSON request in, an approved invoice sent, its public link logged. */
    private void invoiceRequests() throws Exception {
        for (int i = 0; i < OUTCOMES; i++) {
            String request = """
                    {"customerUuid": "%s", "notes": "Benchmark request %d",
                     "products": [{"productUuid": "%s", "quantity": 1, "unitPrice": %d}]}"""
                    .formatted(i % 2 == 0 ? DemoWorkspace.ACME_TRADING : DemoWorkspace.GLOBEX_SERVICES, i,
                            DemoWorkspace.CONSULTING_HOUR, 100 + i);
            template.requestBody("direct:invoice-request", request);
        }
        record("invoice-lifecycle", "invoice request sent, link known", OUTCOMES, 3 * OUTCOMES,
                "create (approved: isDraft false), send, public link (COUNT answers the link only there)");
    }

    /**
     * crm-deal-won: half the deals from two customers COUNT knows (made in the workspace, not through COUNT's API), half
     * from two it does not. The CSV story has the demo workspace's two customers to itself.
     */
    private void wonDeals() throws Exception {
        List<String> emails = List.of("billing@umbrella.example", "accounts@wayne.example", "ap@initech.example",
                "ap@hooli.example");
        for (String known : emails.subList(0, 2)) {
            workspace().createCustomer(new NewCustomer(company(known), known, null, null, null, null, null, null, null,
                    null, null, null, null, null));
        }
        for (int i = 0; i < OUTCOMES; i++) {
            String email = emails.get(i % emails.size());
            post("/crm/deals-won", """
                    {"dealId": "B-%d", "company": "%s", "email": "%s", "amount": %d}"""
                    .formatted(i, company(email), email, 1000 + i), 201);
        }
        record("crm-deal-won", "won deal invoiced, sent, link answered", OUTCOMES, 3 * OUTCOMES + emails.size(),
                "create (approved), send, public link per deal; 1 per customer: a lookup (known) or a create (new)");
    }

    /** pos-sale: four customers COUNT does not know yet, five sales each. */
    private void sales() throws Exception {
        List<String> emails = IntStream.range(0, 4).mapToObj(i -> "till-" + i + "@shop.example").toList();
        for (int i = 0; i < OUTCOMES; i++) {
            String email = emails.get(i % emails.size());
            post("/pos/sales", """
                    {"saleId": "B-%d", "customer": "%s", "email": "%s",
                     "items": [{"productUuid": "%s", "quantity": 1, "unitPrice": 49.5}]}"""
                    .formatted(i, company(email), email, DemoWorkspace.SUPPORT_PLAN), 201);
        }
        record("pos-sale", "sale invoiced, paid, receipt sent", OUTCOMES, 4 * OUTCOMES + emails.size(),
                "create (approved), transaction, assign, send per sale; 1 per customer (a create: all new)");
    }

    /** invoice-csv-drop: one file, a row per draft, for the two customers of the demo workspace. */
    private void csvRows() throws Exception {
        Path inbox = folder.resolve("invoice-csv");
        Files.createDirectories(inbox);
        String rows = IntStream.range(0, OUTCOMES).mapToObj(i -> "CSV-B-%d,%s,%s,,%s,Row %d,1,%d".formatted(i,
                        i % 2 == 0 ? "billing@acme.example" : "accounts@globex.example", workspace().today(),
                        DemoWorkspace.CONSULTING_HOUR, i, 10 + i))
                .collect(Collectors.joining("\n"));
        Path staged = folder.resolve("rows.csv");
        Files.writeString(staged, "reference,customerEmail,date,dueDate,productUuid,description,quantity,unitPrice\n"
                                  + rows + "\n");
        // Moved in whole, so the route's read lock never sees half a file.
        Files.move(staged, inbox.resolve("rows.csv"));
        awaitFile(inbox.resolve("done/rows.csv"));
        record("invoice-csv-drop", "CSV row to a draft invoice", OUTCOMES, OUTCOMES + 2,
                "create (a draft: the story's rows are reviewed in COUNT) per row; 1 lookup per customer (2)");
    }

    /** scheduled-sending, nightly: approved invoices nobody sent, made in the workspace, not through COUNT's API. */
    private void nightlySending() throws Exception {
        LocalDate today = workspace().today();
        for (int i = 0; i < OUTCOMES; i++) {
            approvedInvoice(today, today.plusDays(30), 200 + i);
        }
        journal.clear();
        template.sendBody("direct:send-approved-invoices", null);
        record("scheduled-sending (nightly)", "approved invoice sent", OUTCOMES, OUTCOMES + pages(OUTCOMES),
                "a send per invoice (COUNT has no bulk send); a list per 100 invoices");
    }

    /** scheduled-sending, reminders: approved invoices past their due date. */
    private void overdueReminders() throws Exception {
        LocalDate today = workspace().today();
        for (int i = 0; i < OUTCOMES; i++) {
            approvedInvoice(today.minusDays(60), today.minusDays(30), 300 + i);
        }
        journal.clear();
        template.sendBody("direct:send-overdue-reminders", null);
        record("scheduled-sending (reminders)", "overdue invoice reminded", OUTCOMES, OUTCOMES + pages(OUTCOMES),
                "a send per invoice; a list per 100 invoices");
    }

    /** refunds: a credit memo of 10 on each invoice the lifecycle story sent, then each memo's credit removed. */
    private void refunds() throws Exception {
        List<Invoice> sent = workspace().invoices().stream()
                .filter(invoice -> invoice.notes() != null && invoice.notes().startsWith("Benchmark request"))
                .toList();
        journal.clear();
        List<String> memos = new ArrayList<>();
        for (Invoice invoice : sent) {
            CountResource memo = template.requestBody("direct:refund-request",
                    "{\"invoiceUuid\": \"%s\", \"amount\": 10}".formatted(invoice.uuid()), CountResource.class);
            memos.add("{\"invoiceUuid\": \"%s\", \"memoUuid\": \"%s\"}".formatted(invoice.uuid(), memo.getUuid()));
        }
        record("refunds (refund)", "refund credited to its invoice", sent.size(), 3 * sent.size(),
                "the invoice's get (customer, product, balance), memo create (approved), apply");
        for (String removal : memos) {
            template.sendBody("direct:remove-credit", removal);
        }
        record("refunds (removal)", "credit taken off an invoice", memos.size(), memos.size(), "one remove-credit");
    }

    /** subscriptions: created, then paused, then resumed. */
    private void subscriptions() throws Exception {
        List<String> templates = new ArrayList<>();
        for (int i = 0; i < OUTCOMES; i++) {
            CountResource created = template.requestBody("direct:subscription-event", """
                    {"event": "created", "customerUuid": "%s", "productUuid": "%s", "price": %d, "pattern": "monthly",
                     "startDate": "%s"}""".formatted(DemoWorkspace.ACME_TRADING, DemoWorkspace.SUPPORT_PLAN, 40 + i,
                    workspace().today().plusDays(1)), CountResource.class);
            templates.add(created.getUuid());
        }
        record("subscriptions (created)", "subscription to an active template", OUTCOMES, 2 * OUTCOMES,
                "create, resume: a new template starts paused whatever the create says");
        for (String event : List.of("paused", "resumed")) {
            for (String uuid : templates) {
                template.sendBody("direct:subscription-event",
                        "{\"event\": \"%s\", \"templateUuid\": \"%s\"}".formatted(event, uuid));
            }
            record("subscriptions (" + event + ")", "subscription " + event, OUTCOMES, OUTCOMES,
                    event.equals("paused") ? "one pause" : "one resume");
        }
    }

    /**
     * payment-watcher: its polls, each listing every paid invoice, with {@value #PAID_INVOICES} paid in the workspace.
     * A poll a minute costs the same whether one invoice or none was paid meanwhile: at one payment a minute, a poll's
     * requests are what a payment costs. Webhooks cost none, so the fewest is 0 and the ratio has no finite value.
     */
    private void pollingWatcher() throws Exception {
        LocalDate today = workspace().today();
        long paid = workspace().invoices().stream().filter(invoice -> invoice.balanceDue().signum() == 0
                                                                      && invoice.total().signum() > 0).count();
        for (long i = paid; i < PAID_INVOICES; i++) {
            workspace().payBalance(approvedInvoice(today, today.plusDays(30), 500).uuid());
        }
        mock.awaitWebhookDeliveries(Duration.ofSeconds(60));
        journal.clear();
        ScheduledPollConsumer watcher = (ScheduledPollConsumer) camel().getRoute("payment-watcher").getConsumer();
        for (int i = 0; i < POLLS; i++) {
            watcher.run();
        }
        List<CountJournal.Call> polls = journal.calls().stream().filter(CallsPerOutcomeBenchmark::isWatcherPoll).toList();
        figures.add(new CallsPerOutcome("payment-watcher (polling)", "payment noticed, at 1 a minute, "
                + PAID_INVOICES + " paid invoices", POLLS, polls, 0,
                "0 with webhooks; polling: ceil(paid / 100) lists a minute whatever is paid (was / 20 before)"));
        journal.clear();
    }

    /** payment-watcher-webhook: COUNT posts each payment; the route handles it without calling COUNT. */
    private void webhookWatcher() throws Exception {
        LocalDate today = workspace().today();
        List<Invoice> unpaid = IntStream.range(0, OUTCOMES)
                .mapToObj(i -> approvedInvoice(today, today.plusDays(30), 600 + i)).toList();
        mock.awaitWebhookDeliveries(Duration.ofSeconds(60));
        journal.clear();
        for (Invoice invoice : unpaid) {
            workspace().payBalance(invoice.uuid());
        }
        if (!mock.awaitWebhookDeliveries(Duration.ofSeconds(60))) {
            throw new IllegalStateException("The mock did not deliver every payment's webhook within 60 s");
        }
        record("payment-watcher-webhook", "payment noticed", unpaid.size(), 0, "COUNT posts invoice.updated");
    }

    /** The story's requests since the journal was last cleared, recorded, and the journal cleared. */
    private void record(String story, String outcome, int outcomes, int fewest, String why) throws Exception {
        List<CountJournal.Call> all = journal.calls();
        tokenCalls += (int) all.stream().filter(CountJournal.Call::isTokenCall).count();
        figures.add(new CallsPerOutcome(story, outcome, outcomes, storyCalls(all), fewest, why));
        journal.clear();
    }

    private static List<CountJournal.Call> storyCalls(List<CountJournal.Call> all) {
        return all.stream().filter(call -> !call.isTokenCall() && !isWatcherPoll(call)).toList();
    }

    private static boolean isWatcherPoll(CountJournal.Call call) {
        return call.method().equals("GET") && call.path().equals("/partners/invoices")
               && call.query().contains("status=paid");
    }

    private static int pages(int records) {
        return Math.max(1, (records + 99) / 100);
    }

    private static String company(String email) {
        String domain = email.substring(email.indexOf('@') + 1, email.indexOf('.', email.indexOf('@')));
        return domain.substring(0, 1).toUpperCase(Locale.ROOT) + domain.substring(1);
    }

    private Invoice approvedInvoice(LocalDate date, LocalDate dueDate, int unitPrice) {
        return workspace().createInvoice(Actor.partner(DemoWorkspace.CLIENT_ID), new NewInvoice(
                DemoWorkspace.GLOBEX_SERVICES, date, dueDate, InvoiceType.INVOICE, null, null, null, null, null, null,
                false, null, List.of(new NewInvoiceLine(DemoWorkspace.CONSULTING_HOUR, null, BigDecimal.ONE,
                        BigDecimal.valueOf(unitPrice)))));
    }

    private void post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expectedStatus) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The route moves the file when every row is done: watched in its folder, with a bound. */
    private static void awaitFile(Path file) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(file.getParent());
        Instant deadline = Instant.now().plus(FILE_WAIT);
        try (WatchService watcher = folder.getFileSystem().newWatchService()) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(file)) {
                Duration left = Duration.between(Instant.now(), deadline);
                WatchKey key = left.isNegative() ? null : watcher.poll(left.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null && !Files.exists(file)) {
                    throw new IllegalStateException(file + " did not appear within " + FILE_WAIT.toSeconds() + " s");
                }
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    private static String describe(List<CountJournal.Call> calls) {
        return calls.stream().map(CountJournal.Call::toString).collect(Collectors.joining(", "));
    }

    /** @param before the same stories' figures with the routes as they were, or none */
    private void print(List<CallsPerOutcome> before) {
        System.out.println();
        System.out.println("## COUNT calls per outcome (issue 19), " + Instant.now());
        System.out.println();
        System.out.println("| story | outcome | n | COUNT calls | calls per outcome | before | fewest per outcome | ratio"
                           + " | outcomes a minute at 100 req/min | the fewest, and why |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (CallsPerOutcome figure : figures) {
            String was = before.stream().filter(old -> old.story().equals(figure.story())).findFirst()
                    .map(old -> String.format(Locale.ROOT, "%.2f", old.perOutcome())).orElse("-");
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %s | %.2f | %s | %s | %s |%n", figure.story(),
                    figure.outcome(), figure.outcomes(), figure.calls().size(), figure.perOutcome(), was,
                    figure.fewestPerOutcome(), figure.fewest() == 0 && !figure.calls().isEmpty() ? "-"
                            : String.format(Locale.ROOT, "%.2f", figure.ratio()),
                    figure.outcomesPerMinute(), figure.why());
        }
        System.out.println();
        notes.add("OAuth token calls, counted apart: " + tokenCalls + " (the access token outlived the run).");
        notes.forEach(System.out::println);
        printProfile("Requests per story", figures);
        if (!before.isEmpty()) {
            printProfile("Requests per story, before", before);
        }
    }

    /** What each story's requests were, by route: the profile that says where a story's figure comes from. */
    private static void printProfile(String title, List<CallsPerOutcome> figures) {
        System.out.println();
        System.out.println(title + ":");
        for (CallsPerOutcome figure : figures) {
            System.out.println("  " + figure.story() + ": " + figure.calls().stream().map(CountJournal.Call::toString)
                    .map(call -> call.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{uuid}"))
                    .collect(Collectors.groupingBy(call -> call, LinkedHashMap::new, Collectors.counting())));
        }
    }

    private void close() throws Exception {
        main.stop();
        mock.stop();
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
