package io.camelcount.component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelcount.component.auth.InMemoryTokenStore;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.Account;
import io.camelcount.component.model.AuditLogEntry;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.InvoicePayment;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Transaction;
import io.camelcount.component.model.TransactionAssignment;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every form COUNT is known to answer in (contract §1.2 and §2), each written out as a stub so that what the
 * component reads does not depend on what the mock happens to answer: errors, lists and their end, single
 * resources, transactions and their assignments (§7), and the expired-token answer.
 */
class CountAnswerFormsTest extends CamelTestSupport {

    private static final String INVOICES = "/partners/invoices";
    private static final String REFRESH = "/partners/refresh-user-access-token";
    private static final String INVOICE_UUID = "5d0c8a1e-2b3f-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String INVOICE = INVOICES + "/" + INVOICE_UUID;
    private static final String TRANSACTIONS = "/partners/transactions";
    private static final String TRANSACTION_UUID = "7e1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
    private static final String OTHER_TRANSACTION_UUID = "7e1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4c";
    private static final String TRANSACTION = TRANSACTIONS + "/" + TRANSACTION_UUID;
    private static final String BANK_UUID = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";
    /** Five invoices in pages of two: 2, 2, 1, then a page past the end. */
    private static final int RECORDS = 5;
    private static final int LIMIT = 2;

    private static WireMockServer count;

    @BeforeAll
    static void startCount() {
        count = new WireMockServer(options().dynamicPort());
        count.start();
    }

    @AfterAll
    static void stopCount() {
        count.stop();
    }

    @BeforeEach
    void forgetStubs() {
        count.resetAll();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        CountComponent component = new CountComponent();
        component.getConfiguration().setBaseUrl(count.baseUrl());
        component.getConfiguration().setClientId("forms-client");
        component.getConfiguration().setClientSecret("forms-secret");
        component.getConfiguration().setAccessToken("old-access");
        component.getConfiguration().setRefreshToken("old-refresh");
        component.getConfiguration().setTokenStore(new InMemoryTokenStore());
        component.getConfiguration().setRateLimit(0);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("count", component);
        context.getRegistry().bind("seen", new MemoryIdempotentRepository());
        return context;
    }

    // ---- errors ----

    static Stream<Arguments> errorForms() {
        return Stream.of(
                arguments("the documented envelope", 400, null,
                        "{\"status\":\"Error\",\"statusCode\":400,\"message\":\"Only a draft can be approved\","
                        + "\"customMsg\":\"Only a draft can be approved\",\"isOperational\":true,\"requestId\":\"req-1\","
                        + "\"errorCode\":\"invoice_not_draft\"}",
                        CountValidationException.class, "invoice_not_draft", "Only a draft can be approved", "req-1"),
                arguments("the code in error, the request ID in the header", 404, "req-2",
                        "{\"status\":\"Error\",\"statusCode\":404,\"error\":\"not_found\",\"message\":\"Invoice not found\"}",
                        CountNotFoundException.class, "not_found", "Invoice not found", "req-2"),
                arguments("errorCode before error", 409, null,
                        "{\"errorCode\":\"duplicate_invoice_number\",\"error\":\"conflict\",\"message\":\"Taken\"}",
                        CountConflictException.class, "duplicate_invoice_number", "Taken", null),
                arguments("the older upper-case code", 400, null,
                        "{\"status\":\"error\",\"code\":\"INVOICE_NOT_DRAFT\",\"message\":\"Not a draft\",\"requestId\":\"req-4\"}",
                        CountValidationException.class, "INVOICE_NOT_DRAFT", "Not a draft", "req-4"),
                arguments("only a type, as a 429", 429, null,
                        "{\"status\":\"Error\",\"statusCode\":429,\"type\":\"RATE_LIMITED\",\"message\":\"Too many requests\"}",
                        CountRateLimitException.class, "RATE_LIMITED", "Too many requests", null),
                arguments("everything under data", 400, "req-header",
                        "{\"status\":\"Error\",\"data\":{\"errorCode\":\"credit_exceeds_balance\","
                        + "\"message\":\"The credit exceeds the balance\",\"requestId\":\"req-6\"}}",
                        CountValidationException.class, "credit_exceeds_balance", "The credit exceeds the balance", "req-6"),
                arguments("customMsg without message", 400, null,
                        "{\"errorCode\":\"validation_failed\",\"customMsg\":\"products[0].quantity must be a number above 0\"}",
                        CountValidationException.class, "validation_failed", "products[0].quantity must be a number above 0",
                        null),
                arguments("error_description without message", 403, null,
                        "{\"error\":\"workspace_not_authorized\",\"error_description\":\"This workspace is not authorised\"}",
                        CountAuthorizationException.class, "workspace_not_authorized", "This workspace is not authorised",
                        null),
                arguments("a body that is not JSON", 502, "req-9", "<html>Bad gateway</html>",
                        CountApiException.class, null, "<html>Bad gateway</html>", "req-9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorForms")
    void anErrorKeepsStatusCodeMessageAndRequestId(String form, int status, String requestIdHeader, String body,
                                                   Class<? extends CountApiException> type, String code, String message,
                                                   String requestId) {
        var answer = aResponse().withStatus(status).withBody(body);
        if (requestIdHeader != null) {
            answer.withHeader("X-Request-Id", requestIdHeader);
        }
        count.stubFor(get(urlPathEqualTo(INVOICE)).willReturn(answer));

        Exchange attempt = getInvoice();

        assertThat(attempt.getException()).isInstanceOfSatisfying(type, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getCountMessage()).contains(message);
            }
            assertThat(e.getRequestId()).isEqualTo(requestId);
        });
    }

    // ---- single resources ----

    static Stream<Arguments> singleForms() {
        return Stream.of(
                arguments("data is the invoice, with id", "{\"data\":" + invoice("id", INVOICE_UUID, 1) + "}"),
                arguments("data is the invoice, with uuid", "{\"data\":" + invoice("uuid", INVOICE_UUID, 1) + "}"),
                arguments("data.invoice, with id", "{\"data\":{\"invoice\":" + invoice("id", INVOICE_UUID, 1) + "}}"),
                arguments("data.invoice, with uuid", "{\"data\":{\"invoice\":" + invoice("uuid", INVOICE_UUID, 1) + "}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleForms")
    void aSingleResourceIsReadInEachForm(String form, String body) {
        count.stubFor(get(urlPathEqualTo(INVOICE)).willReturn(okJson(body)));

        Exchange read = getInvoice();

        assertThat(read.getException()).isNull();
        Invoice invoice = read.getMessage().getBody(Invoice.class);
        assertThat(invoice.getUuid()).isEqualTo(INVOICE_UUID);
        assertThat(invoice.getInvoiceNumber()).isEqualTo("INV-1");
        assertThat(invoice.getProducts()).hasSize(1);
        assertThat(read.getMessage().getHeader(CountConstants.STATUS)).isEqualTo("draft");
    }

    @Test
    void anInvoiceReadWithUuidIsWrittenWithId() {
        count.stubFor(get(urlPathEqualTo(INVOICE)).willReturn(okJson("{\"data\":" + invoice("uuid", INVOICE_UUID, 1) + "}")));

        JsonNode written = CountJson.toTree(getInvoice().getMessage().getBody(Invoice.class));

        assertThat(written.path("id").asText()).isEqualTo(INVOICE_UUID);
        assertThat(written.has("uuid")).isFalse();
    }

    // ---- lists ----

    /**
     * One form of a list answer.
     *
     * @param limitAsked the limit the route asks for, or {@code null} for none
     * @param answer     the answer for a page, given that page's records as a JSON array
     * @param calls      how many pages the component must read to have every record and stop
     */
    record ListForm(String name, Integer limitAsked, PageAnswer answer, int calls, Long totalRecords, Integer totalPages) {

        @Override
        public String toString() {
            return name;
        }
    }

    interface PageAnswer {
        String of(String records, int page);
    }

    static Stream<ListForm> listForms() {
        return Stream.of(
                new ListForm("data.records with every count: ends on totalPages", LIMIT,
                        (records, page) -> "{\"status\":\"success\",\"data\":{\"records\":" + records + ",\"page\":" + page
                                           + ",\"limit\":2,\"totalRecords\":5,\"totalPages\":3}}", 3, 5L, 3),
                new ListForm("data.invoices with totalRecords, no totalPages: ends on totalRecords", LIMIT,
                        (records, page) -> "{\"data\":{\"invoices\":" + records + ",\"page\":" + page
                                           + ",\"limit\":2,\"totalRecords\":5}}", 3, 5L, null),
                new ListForm("data.records with totalRecords, limit not echoed: ends on totalRecords and the limit asked",
                        LIMIT, (records, page) -> "{\"data\":{\"records\":" + records + ",\"totalRecords\":5}}", 3, 5L, null),
                new ListForm("data.records without counts: ends on the short page", LIMIT,
                        (records, page) -> "{\"data\":{\"records\":" + records + ",\"page\":" + page + ",\"limit\":2}}", 3,
                        null, null),
                new ListForm("data.invoices, nothing but the records: ends on the short page of the limit asked", LIMIT,
                        (records, page) -> "{\"status\":\"success\",\"data\":{\"invoices\":" + records + "}}", 3, null, null),
                new ListForm("invoices beside data: ends on the short page", LIMIT,
                        (records, page) -> "{\"status\":\"success\",\"message\":\"ok\",\"invoices\":" + records + "}", 3,
                        null, null),
                new ListForm("records and counts beside data", LIMIT,
                        (records, page) -> "{\"status\":\"success\",\"records\":" + records + ",\"totalRecords\":5,"
                                           + "\"totalPages\":3,\"data\":{}}", 3, 5L, 3),
                new ListForm("data is the array: ends on the short page", LIMIT,
                        (records, page) -> "{\"status\":\"success\",\"data\":" + records + "}", 3, null, null),
                new ListForm("no limit asked or echoed, no counts: ends on the empty page", null,
                        (records, page) -> "{\"data\":{\"invoices\":" + records + "}}", 4, null, null));
    }

    private static void stubPages(ListForm form) {
        for (int page = 1; page <= 4; page++) {
            MappingBuilder request = get(urlPathEqualTo(INVOICES))
                    .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
            count.stubFor(request.willReturn(okJson(form.answer().of(pageOfRecords(page), page))));
        }
    }

    private static String uri(ListForm form, String options) {
        return "count:invoices?operation=list" + (form.limitAsked() == null ? "" : "&limit=" + form.limitAsked()) + options;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listForms")
    void onePageCarriesOnlyTheCountsCountSent(ListForm form) {
        stubPages(form);

        Exchange listed = template.request(uri(form, ""), exchange -> { });

        Page<?> page = listed.getMessage().getBody(Page.class);
        assertThat(page.records()).hasSize(2).allSatisfy(record -> assertThat(record).isInstanceOf(Invoice.class));
        assertThat(page.records()).extracting(record -> ((Invoice) record).getProducts()).allSatisfy(
                products -> assertThat(products).hasSize(1));
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.totalRecords()).isEqualTo(form.totalRecords());
        assertThat(page.totalPages()).isEqualTo(form.totalPages());
        assertThat(page.isLast()).isFalse();
        assertThat(listed.getMessage().getHeaders().containsKey(CountConstants.TOTAL_RECORDS))
                .as("TotalRecords header present").isEqualTo(form.totalRecords() != null);
        assertThat(listed.getMessage().getHeaders().containsKey(CountConstants.TOTAL_PAGES))
                .as("TotalPages header present").isEqualTo(form.totalPages() != null);
        assertThat(listed.getMessage().getHeader(CountConstants.TOTAL_RECORDS)).isEqualTo(form.totalRecords());
        assertThat(listed.getMessage().getHeader(CountConstants.TOTAL_PAGES)).isEqualTo(form.totalPages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listForms")
    void paginateAllReadsEveryRecordAndStopsAtTheEnd(ListForm form) {
        stubPages(form);

        Iterator<?> all = template.request(uri(form, "&paginate=all"), exchange -> { }).getMessage()
                .getBody(Iterator.class);
        List<String> uuids = new ArrayList<>();
        all.forEachRemaining(record -> uuids.add(((Invoice) record).getUuid()));

        assertThat(uuids).containsExactlyElementsOf(allUuids());
        assertThat(count.findAll(getRequestedFor(urlPathEqualTo(INVOICES)))).hasSize(form.calls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listForms")
    void theConsumerEmitsEveryRecordOfEveryPage(ListForm form) throws Exception {
        stubPages(form);
        MockEndpoint emitted = getMockEndpoint("mock:emitted");
        emitted.expectedMessageCount(RECORDS);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(form, "&delay=60000&idempotentRepository=#seen")).to("mock:emitted");
            }
        });

        emitted.assertIsSatisfied();
        assertThat(emitted.getExchanges()).extracting(exchange -> exchange.getMessage().getHeader(CountConstants.UUID))
                .containsExactlyElementsOf(allUuids());
        assertThat(emitted.getExchanges()).extracting(exchange -> exchange.getMessage().getBody(Invoice.class).getUuid())
                .containsExactlyElementsOf(allUuids());
    }

    @Test
    void aListInAFormNotKnownFailsInsteadOfReadingAsEmpty() {
        count.stubFor(get(urlPathEqualTo(INVOICES)).willReturn(okJson(
                "{\"status\":\"success\",\"data\":{\"items\":[" + invoice("id", INVOICE_UUID, 1) + "],\"totalRecords\":1}}")));

        Exchange listed = template.request("count:invoices?operation=list", exchange -> { });

        assertThat(listed.getException()).isInstanceOf(CountException.class)
                .hasMessageContaining("invoices/list")
                .hasMessageContaining("'records' or 'invoices'")
                .hasMessageContaining("data's fields: [items, totalRecords]");
    }

    /** Two records of a list that is read in one call, in each form COUNT answers lists in; {@code name} is the array's. */
    static Stream<Arguments> listAnswers(String twoRecords, String name) {
        return Stream.of(
                arguments("data is the array", "{\"data\":" + twoRecords + "}"),
                arguments("data.records", "{\"data\":{\"records\":" + twoRecords + ",\"totalRecords\":2}}"),
                arguments("data." + name, "{\"data\":{\"" + name + "\":" + twoRecords + "}}"),
                arguments("records beside data", "{\"status\":\"success\",\"records\":" + twoRecords + "}"),
                arguments(name + " beside data", "{\"status\":\"success\",\"" + name + "\":" + twoRecords + "}"));
    }

    static Stream<Arguments> auditLogForms() {
        return listAnswers("[{\"id\":\"e1\",\"action\":\"created\"},{\"uuid\":\"e2\",\"action\":\"approved\"}]",
                "auditLogEntries");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditLogForms")
    void anUnpagedListIsReadInEachForm(String form, String body) {
        count.stubFor(get(urlPathEqualTo(INVOICE + "/audit-log")).willReturn(okJson(body)));

        Exchange read = template.request("count:invoices?operation=auditLog", exchange -> exchange.getMessage()
                .setHeader(CountConstants.UUID, INVOICE_UUID));

        assertThat(read.getException()).isNull();
        assertThat(read.getMessage().getBody(List.class)).extracting(entry -> ((AuditLogEntry) entry).getId())
                .containsExactly("e1", "e2");
    }

    // ---- transactions and their assignments (contract §7) ----

    static Stream<Arguments> transactionForms() {
        return Stream.of(
                arguments("data is the transaction, with id", "{\"data\":" + transaction("id", TRANSACTION_UUID) + "}"),
                arguments("data is the transaction, with uuid", "{\"data\":" + transaction("uuid", TRANSACTION_UUID) + "}"),
                arguments("data.transaction, with id",
                        "{\"data\":{\"transaction\":" + transaction("id", TRANSACTION_UUID) + "}}"),
                arguments("data.transaction, with uuid, the amount as a string and the day as date",
                        "{\"data\":{\"transaction\":{\"uuid\":\"" + TRANSACTION_UUID + "\",\"accUuid\":\"" + BANK_UUID
                        + "\",\"amount\":\"300.00\",\"date\":\"2026-11-24\",\"type\":\"Income\"}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionForms")
    void aTransactionIsReadInEachForm(String form, String body) {
        count.stubFor(get(urlPathEqualTo(TRANSACTION)).willReturn(okJson(body)));

        Exchange read = template.request("count:transactions?operation=get&uuid=" + TRANSACTION_UUID, exchange -> { });

        assertThat(read.getException()).isNull();
        Transaction transaction = read.getMessage().getBody(Transaction.class);
        assertThat(transaction.getUuid()).isEqualTo(TRANSACTION_UUID);
        assertThat(transaction.getAccUuid()).isEqualTo(BANK_UUID);
        assertThat(transaction.getAmount()).isEqualByComparingTo("300");
        assertThat(transaction.getPostedDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(transaction.getType()).isEqualTo("Income");
    }

    @Test
    void aTransactionLeavesNullWhatCountDidNotSend() {
        count.stubFor(get(urlPathEqualTo(TRANSACTION)).willReturn(okJson(
                "{\"data\":{\"id\":\"" + TRANSACTION_UUID + "\",\"amount\":12,\"accountId\":42}}")));

        Transaction transaction = template.request("count:transactions?operation=get&uuid=" + TRANSACTION_UUID,
                exchange -> { }).getMessage().getBody(Transaction.class);

        assertThat(transaction.getType()).isNull();
        assertThat(transaction.getPostedDate()).isNull();
        assertThat(transaction.getTagUuids()).isNull();
        assertThat(transaction.getUnassignedAmount()).isNull();
        assertThat(transaction.getInvoicePayments()).isNull();
        assertThat(transaction.getAdditionalProperties()).containsEntry("accountId", 42);
        assertThat(CountJson.toTree(transaction).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("amount", "id", "accountId");
    }

    @Test
    void theInvoicesATransactionPaysAreReadWhicheverNameTheInvoiceHas() {
        count.stubFor(get(urlPathEqualTo(TRANSACTION)).willReturn(okJson("{\"data\":{\"id\":\"" + TRANSACTION_UUID
                + "\",\"amount\":300,\"assignedAmount\":\"250.00\",\"unassignedAmount\":50,\"invoicePayments\":["
                + "{\"invoiceUuid\":\"" + INVOICE_UUID + "\",\"paymentAmount\":200,\"notes\":\"first\"},"
                + "{\"id\":\"" + uuidOf(2) + "\",\"paymentAmount\":\"50.00\"}]}}")));

        Transaction transaction = template.request("count:transactions?operation=get&uuid=" + TRANSACTION_UUID,
                exchange -> { }).getMessage().getBody(Transaction.class);

        assertThat(transaction.getAssignedAmount()).isEqualByComparingTo("250");
        assertThat(transaction.getUnassignedAmount()).isEqualByComparingTo("50");
        assertThat(transaction.getInvoicePayments()).extracting(InvoicePayment::getInvoiceUuid, InvoicePayment::getNotes)
                .containsExactly(tuple(INVOICE_UUID, "first"), tuple(uuidOf(2), null));
        assertThat(transaction.getInvoicePayments().get(1).getPaymentAmount()).isEqualByComparingTo("50");
    }

    @Test
    void anAccountsSubTypeIsReadWhenCountSendsOne() {
        count.stubFor(get(urlPathEqualTo("/partners/chart-of-accounts")).willReturn(okJson("{\"data\":{\"accounts\":["
                + "{\"id\":\"" + BANK_UUID + "\",\"name\":\"Current\",\"type\":\"Assets\",\"subType\":{\"id\":3,\"name\":\"Bank\"}},"
                + "{\"id\":\"" + uuidOf(1) + "\",\"name\":\"Stock\",\"type\":\"Assets\"}]}}")));

        Page<?> assets = template.request("count:accounts?operation=list&type=Assets", exchange -> { }).getMessage()
                .getBody(Page.class);

        Account bank = (Account) assets.records().get(0);
        assertThat(bank.getSubType().getName()).isEqualTo("Bank");
        assertThat(bank.getSubType().getId()).isEqualTo(3);
        assertThat(((Account) assets.records().get(1)).getSubType()).isNull();
    }

    static Stream<Arguments> transactionListForms() {
        return listAnswers("[" + transaction("id", TRANSACTION_UUID) + "," + transaction("uuid", OTHER_TRANSACTION_UUID)
                           + "]", "transactions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionListForms")
    void aPageOfTransactionsIsReadInEachForm(String form, String body) {
        count.stubFor(get(urlPathEqualTo(TRANSACTIONS)).willReturn(okJson(body)));

        Page<?> page = template.request("count:transactions?operation=list&startDate=2026-11-01&endDate=2026-11-30",
                exchange -> { }).getMessage().getBody(Page.class);

        assertThat(page.records()).extracting(record -> ((Transaction) record).getUuid())
                .containsExactly(TRANSACTION_UUID, OTHER_TRANSACTION_UUID);
        assertThat(count.findAll(getRequestedFor(urlPathEqualTo(TRANSACTIONS))
                .withQueryParam("startDate", equalTo("2026-11-01")).withQueryParam("endDate", equalTo("2026-11-30"))))
                .hasSize(1);
    }

    static Stream<Arguments> assignmentBodies() {
        String record = "{\"id\":\"" + INVOICE_UUID + "\",\"paymentAmount\":120.5}";
        return Stream.of(
                arguments("a TransactionAssignment without matchingType",
                        new TransactionAssignment().pay(INVOICE_UUID, new BigDecimal("120.50")),
                        "{\"matchingType\":\"invoice\",\"records\":[" + record + "]}"),
                arguments("JSON text without matchingType, as a YAML route writes it",
                        "{\"records\": [{\"id\": \"" + INVOICE_UUID + "\", \"paymentAmount\": 120.50}], \"withCaution\": true}",
                        "{\"matchingType\":\"invoice\",\"records\":[" + record + "],\"withCaution\":true}"),
                arguments("a Map naming its matchingType, sent as it is",
                        Map.of("records", List.of(Map.of("id", INVOICE_UUID, "paymentAmount", 120.5)), "matchingType", "bill"),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assignmentBodies")
    void anAssignmentIsAnInvoiceMatchingUnlessTheBodySaysOtherwise(String form, Object body, String sent) {
        String path = TRANSACTION + "/assign-to-bills-invoices";
        count.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(
                "{\"data\":{\"transaction\":" + transaction("id", TRANSACTION_UUID) + "}}")));

        Exchange assigned = template.request("count:transactions?operation=assignToInvoices", exchange -> {
            exchange.getMessage().setHeader(CountConstants.UUID, TRANSACTION_UUID);
            exchange.getMessage().setBody(body);
        });

        assertThat(assigned.getException()).isNull();
        assertThat(assigned.getMessage().getBody(Transaction.class).getUuid()).isEqualTo(TRANSACTION_UUID);
        List<LoggedRequest> requests = count.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        if (sent != null) {
            assertThat(requests.get(0).getBodyAsString()).isEqualTo(sent);
        } else {
            assertThat(CountJson.toTree(requests.get(0).getBodyAsString()).path("matchingType").asText()).isEqualTo("bill");
        }
    }

    static Stream<Arguments> transactionCreateBodies() {
        return Stream.of(
                arguments("postedDate", "{\"accUuid\":\"" + BANK_UUID + "\",\"amount\":5,\"postedDate\":\"2026-11-24\"}", true),
                arguments("date, COUNT's other name for it", "{\"accUuid\":\"" + BANK_UUID + "\",\"amount\":5,\"date\":\"2026-11-24\"}",
                        true),
                arguments("neither", "{\"accUuid\":\"" + BANK_UUID + "\",\"amount\":5,\"notes\":\"no day\"}", false),
                arguments("an empty date", "{\"accUuid\":\"" + BANK_UUID + "\",\"amount\":5,\"date\":\" \"}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transactionCreateBodies")
    void aTransactionCreateNeedsItsDayUnderEitherName(String form, String body, boolean sent) {
        count.stubFor(post(urlPathEqualTo(TRANSACTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":" + transaction("id", TRANSACTION_UUID) + "}")));

        Exchange created = template.request("count:transactions?operation=create", exchange -> exchange.getMessage()
                .setBody(body));

        assertThat(count.findAll(postRequestedFor(urlPathEqualTo(TRANSACTIONS)))).hasSize(sent ? 1 : 0);
        if (sent) {
            assertThat(created.getException()).isNull();
            assertThat(created.getMessage().getBody(Transaction.class).getUuid()).isEqualTo(TRANSACTION_UUID);
        } else {
            assertThat(created.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
                assertThat(e.wasSent()).isFalse();
                assertThat(e.getField()).isEqualTo("postedDate");
                assertThat(e.getMessage()).contains("'postedDate' (or 'date') is required");
            });
        }
    }

    static Stream<Arguments> removalForms() {
        String invoice = "{\"id\":\"" + INVOICE_UUID + "\",\"status\":\"approved\",\"total\":300,\"amountPaid\":0,"
                         + "\"balanceDue\":\"300.00\"}";
        return Stream.of(
                arguments("data is the invoice", "{\"data\":" + invoice + "}"),
                arguments("data.invoice", "{\"status\":\"success\",\"data\":{\"invoice\":" + invoice + "}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removalForms")
    void aRemovedPaymentAnswersTheInvoiceInEachForm(String form, String body) {
        count.stubFor(patch(urlPathEqualTo(INVOICE + "/remove-transaction")).willReturn(okJson(body)));

        Exchange removed = template.request("count:invoices?operation=removeTransaction", exchange -> {
            exchange.getMessage().setHeader(CountConstants.UUID, INVOICE_UUID);
            exchange.getMessage().setBody(Map.of("transactionId", TRANSACTION_UUID));
        });

        assertThat(removed.getException()).isNull();
        assertThat(removed.getMessage().getBody(Invoice.class).getBalanceDue()).isEqualByComparingTo("300");
        assertThat(removed.getMessage().getHeader(CountConstants.STATUS)).isEqualTo("approved");
        assertThat(count.findAll(patchRequestedFor(urlPathEqualTo(INVOICE + "/remove-transaction"))).get(0)
                .getBodyAsString()).isEqualTo("{\"transactionId\":\"" + TRANSACTION_UUID + "\"}");
    }

    // ---- an expired access token ----

    static Stream<Arguments> expiryForms() {
        return Stream.of(
                arguments("COUNT's full answer", 401, "{\"status\":\"Error\",\"statusCode\":401,\"errorCode\":\"token_expired\","
                        + "\"error\":\"invalid_token\",\"error_description\":\"The access token expired\","
                        + "\"message\":\"The access token expired\"}", true),
                arguments("errorCode token_expired alone", 401, "{\"errorCode\":\"token_expired\"}", true),
                arguments("the older code token_expired alone", 401, "{\"code\":\"token_expired\"}", true),
                arguments("error invalid_token alone", 401, "{\"error\":\"invalid_token\"}", true),
                arguments("error_description alone", 401, "{\"error_description\":\"The access token expired\"}", true),
                arguments("Invalid access token. with 401", 401, "{\"message\":\"Invalid access token.\"}", true),
                arguments("Invalid access token. with 403, as older deployments", 403,
                        "{\"status\":\"error\",\"statusCode\":403,\"message\":\"Invalid access token.\"}", true),
                arguments("a bad signature", 401, "{\"status\":\"Error\",\"statusCode\":401,\"errorCode\":\"invalid_signature\","
                        + "\"message\":\"Invalid signature\"}", false),
                arguments("missing credentials", 401, "{\"status\":\"Error\",\"statusCode\":401,"
                        + "\"errorCode\":\"missing_credentials\",\"message\":\"Missing header x-signature\"}", false),
                arguments("a workspace not authorised", 403, "{\"status\":\"Error\",\"statusCode\":403,"
                        + "\"errorCode\":\"workspace_not_authorized\",\"message\":\"Workspace not authorized\"}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expiryForms")
    void anExpiredTokenIsRefreshedOnAnyOneSignalAndOnNothingElse(String form, int status, String body, boolean refreshes) {
        stubRefresh();
        count.stubFor(get(urlPathEqualTo(INVOICE)).withHeader("Authorization", equalTo("Bearer old-access"))
                .willReturn(aResponse().withStatus(status).withBody(body)));
        count.stubFor(get(urlPathEqualTo(INVOICE)).withHeader("Authorization", equalTo("Bearer new-access"))
                .willReturn(okJson("{\"data\":" + invoice("id", INVOICE_UUID, 1) + "}")));

        Exchange read = getInvoice();

        assertThat(count.findAll(postRequestedFor(urlPathEqualTo(REFRESH)))).hasSize(refreshes ? 1 : 0);
        if (refreshes) {
            assertThat(read.getException()).isNull();
            assertThat(read.getMessage().getBody(Invoice.class).getUuid()).isEqualTo(INVOICE_UUID);
        } else {
            assertThat(read.getException()).isInstanceOfSatisfying(CountApiException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(status));
        }
    }

    @Test
    void aTokenRefusedAgainAfterTheRefreshIsRefreshedOnlyOnce() {
        stubRefresh();
        count.stubFor(get(urlPathEqualTo(INVOICE)).willReturn(aResponse().withStatus(401)
                .withBody("{\"errorCode\":\"token_expired\",\"message\":\"The access token expired\"}")));

        Exchange read = getInvoice();

        assertThat(read.getException()).isInstanceOfSatisfying(CountAuthenticationException.class,
                e -> assertThat(e.getCode()).isEqualTo("token_expired"));
        assertThat(count.findAll(postRequestedFor(urlPathEqualTo(REFRESH)))).hasSize(1);
    }

    private static void stubRefresh() {
        count.stubFor(post(urlPathEqualTo(REFRESH)).willReturn(okJson(
                "{\"status\":\"success\",\"message\":\"Token refreshed\",\"data\":{\"result\":{\"accessToken\":\"new-access\","
                + "\"refreshToken\":\"new-refresh\",\"accessTokenExpiresAt\":\"2099-01-01T00:00:00Z\","
                + "\"refreshTokenExpiresAt\":\"2099-01-01T00:00:00Z\",\"workspaceId\":\"w1\",\"workspaceName\":\"Forms\"}}}")));
    }

    // ---- helpers ----

    private Exchange getInvoice() {
        return template.request("count:invoices?operation=get",
                exchange -> exchange.getMessage().setHeader(CountConstants.UUID, INVOICE_UUID));
    }

    private static String uuidOf(int number) {
        return "5d0c8a1e-2b3f-4c5d-8e6f-00000000000" + number;
    }

    private static List<String> allUuids() {
        return IntStream.rangeClosed(1, RECORDS).mapToObj(CountAnswerFormsTest::uuidOf).toList();
    }

    /** An invoice whose own UUID is under {@code idKey}; its lines are an array field, never to be taken for a list. */
    private static String invoice(String idKey, String uuid, int number) {
        return "{\"" + idKey + "\":\"" + uuid + "\",\"invoiceNumber\":\"INV-" + number + "\",\"status\":\"draft\","
               + "\"products\":[{\"productUuid\":\"9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01\",\"quantity\":1,\"unitPrice\":10}]}";
    }

    /** An Income transaction of 300 on the bank account, whose own UUID is under {@code idKey}. */
    private static String transaction(String idKey, String uuid) {
        return "{\"" + idKey + "\":\"" + uuid + "\",\"accUuid\":\"" + BANK_UUID + "\",\"amount\":300,"
               + "\"postedDate\":\"2026-11-24\",\"type\":\"Income\",\"description\":\"Sale S-1\"}";
    }

    /** Page {@code page}'s records: two a page, odd ones with id and even ones with uuid, none past the fifth. */
    private static String pageOfRecords(int page) {
        IntFunction<String> record = number -> invoice(number % 2 == 1 ? "id" : "uuid", uuidOf(number), number);
        return IntStream.rangeClosed((page - 1) * LIMIT + 1, Math.min(page * LIMIT, RECORDS))
                .mapToObj(record)
                .reduce((left, right) -> left + "," + right)
                .map(records -> "[" + records + "]")
                .orElse("[]");
    }
}
