package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceListTest extends DemoWorkspaceTest {

    private Reply list(String query) {
        return ok(partner.get("/partners/invoices" + query));
    }

    @Test
    void pagesHoldTwentyByDefaultAndAPagePastTheEndIsEmpty() {
        IntStream.range(0, 25).forEach(i -> approvedInvoice("10"));

        Reply first = list("");
        assertThat(first.text()).contains("\"page\":1,\"limit\":20,\"totalRecords\":25,\"totalPages\":2}");
        assertThat(first.recordTexts("invoiceNumber")).hasSize(20).first().isEqualTo("INV-0001");

        Reply second = list("?page=2");
        assertThat(second.recordTexts("invoiceNumber")).containsExactly("INV-0021", "INV-0022", "INV-0023", "INV-0024", "INV-0025");

        Reply beyond = list("?page=3&limit=20");
        assertThat(beyond.records()).isEmpty();
        assertThat(beyond.data().get("totalRecords").asInt()).isEqualTo(25);
        assertThat(beyond.data().get("page").asInt()).isEqualTo(3);

        assertThat(list("?limit=100").records()).hasSize(25);
        assertThat(list("?limit=1&page=25").recordTexts("invoiceNumber")).containsExactly("INV-0025");
        assertThat(list("?limit=7").data().get("totalPages").asInt()).isEqualTo(4);
    }

    @Test
    void anEmptyListHasNoPages() {
        assertThat(list("").text()).contains("\"data\":{\"records\":[],\"page\":1,\"limit\":20,\"totalRecords\":0,\"totalPages\":0}");
    }

    @Test
    void searchLooksInTheNumberTheCustomerNameAndTheNotesInAnyCase() {
        String numbered = created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(), "\"invoiceNumber\":\"ACME-77\""))).dataText("id");
        String globex = create("invoice", Bodies.GLOBEX, "10", false);
        String noted = created(partner.post("/partners/invoices", Bodies.with(Bodies.document("invoice", Bodies.GLOBEX, "5", false),
                "\"notes\":\"Thanks for the Widget order\""))).dataText("id");

        assertThat(list("?search=acme").recordTexts("id")).containsExactly(numbered);
        assertThat(list("?search=GLOBEX%20serv").recordTexts("id")).containsExactly(globex, noted);
        assertThat(list("?search=widget").recordTexts("id")).containsExactly(noted);
        assertThat(list("?search=77").recordTexts("id")).containsExactly(numbered);
        assertThat(list("?search=nothing-like-it").records()).isEmpty();
    }

    @Test
    void statusTakesACommaListOfDerivedStatuses() {
        String draft = create("invoice", Bodies.ACME, "10", false);
        String approved = approvedInvoice("10");
        String sent = approvedInvoice("10");
        ok(partner.post("/partners/invoices/" + sent + "/send", null));
        String paid = approvedInvoice("10");
        server.demoWorkspace().recordPayment(java.util.UUID.fromString(paid), new java.math.BigDecimal("10"));
        String memo = approvedMemo("5");

        assertThat(list("?status=draft").recordTexts("id")).containsExactly(draft);
        assertThat(list("?status=sent,paid").recordTexts("id")).containsExactly(sent, paid);
        assertThat(list("?status=approved&status=open").recordTexts("id")).containsExactly(approved, memo);

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(list("?status=overdue").recordTexts("id")).containsExactly(approved, sent);
    }

    @Test
    void theStatusIndexFollowsTheClockBackAndForth() {
        String dueDecember = approvedInvoice("10");
        String dueJanuary = created(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "10", true)
                .replace("\"dueDate\":\"2026-12-24\"", "\"dueDate\":\"2027-01-31\""))).dataText("id");
        String paid = approvedInvoice("10");
        server.demoWorkspace().recordPayment(java.util.UUID.fromString(paid), new java.math.BigDecimal("10"));
        create("invoice", Bodies.ACME, "10", false);

        clock.set(Instant.parse("2026-12-25T00:00:00Z"));
        assertThat(list("?status=overdue").recordTexts("id")).containsExactly(dueDecember);
        assertThat(list("?status=approved").recordTexts("id")).containsExactly(dueJanuary);

        clock.set(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(list("?status=overdue").recordTexts("id")).containsExactly(dueDecember, dueJanuary);
        assertThat(list("?status=approved").records()).isEmpty();
        Reply second = list("?status=overdue&limit=1&page=2");
        assertThat(second.recordTexts("id")).containsExactly(dueJanuary);
        assertThat(second.data().get("totalRecords").asInt()).isEqualTo(2);

        clock.set(Instant.parse("2026-12-24T10:00:00Z"));
        assertThat(list("?status=overdue").records()).as("due today is not overdue yet").isEmpty();
        assertThat(list("?status=approved").recordTexts("id")).containsExactly(dueDecember, dueJanuary);

        clock.set(Instant.parse("2027-02-01T00:00:00Z"));
        server.demoWorkspace().recordPayment(java.util.UUID.fromString(dueJanuary), new java.math.BigDecimal("4"));
        assertThat(list("?status=overdue").recordTexts("id")).containsExactly(dueDecember);
        assertThat(list("?status=partial,paid").recordTexts("id")).containsExactly(dueJanuary, paid);
        assertThat(list("?isDraft=false&limit=1&page=2").recordTexts("id")).containsExactly(dueJanuary);
        assertThat(list("?isDraft=false&limit=1").data().get("totalRecords").asInt()).isEqualTo(3);
    }

    @Test
    void approvalStatusAndIsDraftSeparateDraftsFromApprovedDocuments() {
        String draft = create("invoice", Bodies.ACME, "10", false);
        String approved = approvedInvoice("10");

        assertThat(list("?approvalStatus=draft").recordTexts("id")).containsExactly(draft);
        assertThat(list("?approvalStatus=approved").recordTexts("id")).containsExactly(approved);
        assertThat(list("?isDraft=true").recordTexts("id")).containsExactly(draft);
        assertThat(list("?isDraft=false").recordTexts("id")).containsExactly(approved);
    }

    @Test
    void customerFiltersTakeOneOrSeveralCustomers() {
        String acme = approvedInvoice("10");
        String globex = create("invoice", Bodies.GLOBEX, "10", true);

        assertThat(list("?customerUuid=" + Bodies.GLOBEX).recordTexts("id")).containsExactly(globex);
        assertThat(list("?customerUuids=" + Bodies.GLOBEX + "," + Bodies.ACME).recordTexts("id")).containsExactly(acme, globex);
        assertThat(list("?customerUuids=" + Bodies.ACME).recordTexts("id")).containsExactly(acme);
        assertThat(list("?customerUuid=" + java.util.UUID.randomUUID()).records()).isEmpty();
    }

    @Test
    void dateRangeIsInclusiveOnTheInvoiceDate() {
        String november = approvedInvoice("10");
        String december = created(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "10", true)
                .replace("\"date\":\"2026-11-24\",\"dueDate\":\"2026-12-24\"", "\"date\":\"2026-12-01\""))).dataText("id");

        assertThat(list("?startDate=2026-11-24&endDate=2026-11-24").recordTexts("id")).containsExactly(november);
        assertThat(list("?startDate=2026-11-25").recordTexts("id")).containsExactly(december);
        assertThat(list("?endDate=2026-12-01").recordTexts("id")).containsExactly(november, december);
    }

    @Test
    void invoiceTypeSelectsOneType() {
        approvedInvoice("10");
        String estimate = create("estimate", Bodies.ACME, "10", true);
        String memo = approvedMemo("10");

        assertThat(list("?invoiceType=estimate").recordTexts("id")).containsExactly(estimate);
        assertThat(list("?invoiceType=memo").recordTexts("id")).containsExactly(memo);
    }

    @Test
    void filtersCombine() {
        approvedInvoice("10");
        String acmeDraft = create("invoice", Bodies.ACME, "10", false);
        create("invoice", Bodies.GLOBEX, "10", false);

        assertThat(list("?isDraft=true&customerUuid=" + Bodies.ACME + "&invoiceType=invoice&search=INV").recordTexts("id"))
                .containsExactly(acmeDraft);
    }

    @ParameterizedTest
    @CsvSource({
            "page=0, page", "page=-1, page", "page=abc, page", "page=1.5, page", "page=99999999999, page",
            "limit=0, limit", "limit=101, limit", "limit=ten, limit",
            "status=unpaid, status", "status=draft%2Cnonsense, status",
            "approvalStatus=pending, approvalStatus",
            "customerUuid=acme, customerUuid", "customerUuids=" + "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081%2Cx, customerUuids",
            "startDate=2026-13-01, startDate", "endDate=yesterday, endDate",
            "startDate=2026-12-01&endDate=2026-11-01, endDate",
            "invoiceType=bill, invoiceType", "isDraft=yes, isDraft",
            "search=a&search=b, search"})
    void badFilterValuesAreRefusedNamingTheParameter(String query, String field) {
        approvedInvoice("10");

        Reply reply = partner.get("/partners/invoices?" + query);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
        assertThat(reply.message()).contains(field);
        assertThat(reply.message()).contains(field);
    }

    @Test
    void unknownParametersAreIgnored() {
        approvedInvoice("10");

        assertThat(list("?orderBy=date&foo=bar").records()).hasSize(1);
    }
}
