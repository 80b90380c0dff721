package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRulesTest {

    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-000000000002");
    private static final UUID OTHER_CUSTOMER = UUID.fromString("7e57a11a-0000-4000-8000-0000000000c1");
    private static final UUID OTHER_PRODUCT = UUID.fromString("7e57a11a-0000-4000-8000-0000000000b1");
    private static final UUID NO_EMAIL_CUSTOMER = UUID.fromString("0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7099");

    private final MockClock clock = MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"));
    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(clock)
                .workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                        .currency("EUR")
                        .customer(new Customer(OTHER_CUSTOMER, "Initech", "ap@initech.example"))
                        .product(new Product(OTHER_PRODUCT, "Audit", new BigDecimal("900"), UUID.randomUUID()))
                        .accessGrant(DemoWorkspace.CLIENT_ID, "other-access-token", "other-refresh-token")
                        .build())
                .start();
        server.demoWorkspace().addCustomer(new Customer(NO_EMAIL_CUSTOMER, "Cash Sales", null));
        partner = new PartnerClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Reply create(String body) {
        Reply reply = partner.post("/partners/invoices", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }

    private String createApproved() {
        String uuid = create(Bodies.invoice()).dataText("id");
        assertThat(partner.patch("/partners/invoices/" + uuid + "/approve").status()).isEqualTo(200);
        return uuid;
    }

    @Test
    void approvingTwiceIsRefusedAndChangesNothing() {
        String uuid = createApproved();
        clock.advance(Duration.ofHours(1));

        Reply again = partner.patch("/partners/invoices/" + uuid + "/approve");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("invoice_not_draft");
        assertThat(again.message()).contains("INV-0001", "only a draft");
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("updatedAt")).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void sendingADraftIsRefusedWithAdviceToApproveFirst() {
        String uuid = create(Bodies.invoice()).dataText("id");

        Reply reply = partner.post("/partners/invoices/" + uuid + "/send", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invoice_not_approved");
        assertThat(reply.message()).contains("approve it first");
        assertThat(partner.get("/partners/invoices/" + uuid).data().get("isSent").asBoolean()).isFalse();
        assertThat(server.demoWorkspace().outbox()).isEmpty();
    }

    @Test
    void isDraftFalseCreatesItApproved() {
        Reply reply = create(Bodies.invoice().replaceFirst("\\{", "{\"isDraft\":false,"));

        assertThat(reply.dataText("status")).isEqualTo("approved");
        assertThat(reply.data().get("approved").asBoolean()).isTrue();
        assertThat(partner.patch("/partners/invoices/" + reply.dataText("id") + "/approve").code()).isEqualTo("invoice_not_draft");
    }

    @Test
    void sendTakesRecipientsCopiesSubjectMessageAndAttachmentChoice() {
        String uuid = createApproved();

        Reply reply = partner.post("/partners/invoices/" + uuid + "/send", "{\"recipients\":[\"a@x.example\",\"b@x.example\"],"
                + "\"cc\":[\"c@x.example\"],\"bcc\":[\"d@x.example\"],\"subject\":\"Your invoice\",\"message\":\"Thanks\",\"attachPdf\":false}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(server.demoWorkspace().outbox()).singleElement().satisfies(email -> {
            assertThat(email.invoiceUuid()).hasToString(uuid);
            assertThat(email.recipients()).containsExactly("a@x.example", "b@x.example");
            assertThat(email.cc()).containsExactly("c@x.example");
            assertThat(email.bcc()).containsExactly("d@x.example");
            assertThat(email.subject()).isEqualTo("Your invoice");
            assertThat(email.message()).isEqualTo("Thanks");
            assertThat(email.attachPdf()).isFalse();
            assertThat(email.sentAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        });
    }

    @Test
    void resendingASentInvoiceSendsAgain() {
        String uuid = createApproved();
        partner.post("/partners/invoices/" + uuid + "/send", null);

        Reply again = partner.post("/partners/invoices/" + uuid + "/send", "{}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.dataText("status")).isEqualTo("sent");
        assertThat(server.demoWorkspace().outbox()).hasSize(2);
    }

    @Test
    void sendToACustomerWithoutEmailNeedsRecipients() {
        String uuid = create(Bodies.invoice(NO_EMAIL_CUSTOMER, Bodies.CONSULTING)).dataText("id");
        partner.patch("/partners/invoices/" + uuid + "/approve");

        Reply refused = partner.post("/partners/invoices/" + uuid + "/send", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("no_recipient");
        assertThat(refused.message()).contains("Cash Sales", "recipients");
        assertThat(partner.get("/partners/invoices/" + uuid).data().get("isSent").asBoolean()).isFalse();

        assertThat(partner.post("/partners/invoices/" + uuid + "/send", "{\"recipients\":[\"till@cash.example\"]}").status()).isEqualTo(200);
    }

    @Test
    void badSendOptionsAreRefusedNamingTheField() {
        String uuid = createApproved();

        Reply notAnAddress = partner.post("/partners/invoices/" + uuid + "/send", "{\"recipients\":[\"nobody\"]}");
        Reply notAList = partner.post("/partners/invoices/" + uuid + "/send", "{\"cc\":\"c@x.example\"}");
        Reply notABoolean = partner.post("/partners/invoices/" + uuid + "/send", "{\"attachPdf\":\"yes\"}");
        Reply malformed = partner.post("/partners/invoices/" + uuid + "/send", "{\"recipients\":[");

        assertThat(notAnAddress.message()).contains("recipients[0]");
        assertThat(notAList.message()).contains("cc");
        assertThat(notABoolean.message()).contains("attachPdf");
        assertThat(malformed.message()).contains("body");
        assertThat(server.demoWorkspace().outbox()).isEmpty();
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("status")).isEqualTo("approved");
    }

    @Test
    void anotherWorkspacesInvoiceIsNotFound() {
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET,
                "other-access-token");
        Reply created = other.post("/partners/invoices", Bodies.invoice(OTHER_CUSTOMER, OTHER_PRODUCT));
        assertThat(created.dataText("currency")).isEqualTo("EUR");
        String theirs = created.dataText("id");

        for (Reply reply : new Reply[] {
                partner.get("/partners/invoices/" + theirs),
                partner.patch("/partners/invoices/" + theirs + "/approve"),
                partner.post("/partners/invoices/" + theirs + "/send", null)}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("not_found");
        }
        assertThat(other.get("/partners/invoices/" + theirs).dataText("status")).isEqualTo("draft");
        assertThat(server.workspace(OTHER_WORKSPACE).invoices()).hasSize(1);
        assertThat(server.demoWorkspace().invoices()).isEmpty();
    }

    @Test
    void unknownInvoiceIsNotFoundAndANonUuidIsAValidationError() {
        assertThat(partner.get("/partners/invoices/" + UUID.randomUUID()).code()).isEqualTo("not_found");

        Reply notUuid = partner.patch("/partners/invoices/INV-0001/approve");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.code()).isEqualTo("validation_failed");
        assertThat(notUuid.message()).contains("uuid");
    }

    @Test
    void invoiceNumberIsUniquePerTypeAndGeneratedNumbersSkipTakenOnes() {
        create(Bodies.invoice().replaceFirst("\\{", "{\"invoiceNumber\":\"INV-0001\","));

        Reply duplicate = partner.post("/partners/invoices", Bodies.invoice().replaceFirst("\\{", "{\"invoiceNumber\":\"INV-0001\","));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("duplicate_invoice_number");
        assertThat(duplicate.message()).contains("invoiceNumber");

        assertThat(create(Bodies.invoice()).dataText("invoiceNumber")).isEqualTo("INV-0002");
        assertThat(create(Bodies.invoice().replaceFirst("\\{", "{\"invoiceType\":\"estimate\",\"invoiceNumber\":\"INV-0001\","))
                .dataText("invoiceNumber")).isEqualTo("INV-0001");
        assertThat(create(Bodies.invoice().replaceFirst("\\{", "{\"invoiceType\":\"estimate\","))
                .dataText("invoiceNumber")).isEqualTo("EST-0001");
        assertThat(server.demoWorkspace().invoices()).hasSize(4);
    }

    @Test
    void overdueIsDerivedFromTheMockClock() {
        String uuid = createApproved();
        String draft = create(Bodies.invoice()).dataText("id");
        String estimate = create(Bodies.invoice().replaceFirst("\\{", "{\"invoiceType\":\"estimate\",\"isDraft\":false,"))
                .dataText("id");

        clock.set(Instant.parse("2026-12-24T23:59:59Z"));
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("status")).isEqualTo("approved");

        clock.set(Instant.parse("2026-12-25T00:00:00Z"));
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("status")).isEqualTo("overdue");
        assertThat(partner.post("/partners/invoices/" + uuid + "/send", null).dataText("status")).isEqualTo("overdue");
        assertThat(partner.get("/partners/invoices/" + draft).dataText("status")).isEqualTo("draft");
        assertThat(partner.get("/partners/invoices/" + estimate).dataText("status")).isEqualTo("approved");
    }

    @Test
    void amountsDefaultsAndAliasesFollowTheWireFormat() {
        Reply reply = create("{\"customerUuid\":\"" + Bodies.ACME + "\",\"date\":\"2026-11-24\",\"discount\":10.25,"
                + "\"discountDescription\":\"Loyalty\",\"notes\":\"Thanks\",\"currency\":\"USD\",\"products\":["
                + "{\"productUuid\":\"" + DemoWorkspace.SUPPORT_PLAN + "\",\"quantity\":1.5,\"price\":49.5},"
                + "{\"productUuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":0,\"description\":\"Free hour\"}]}");

        assertThat(reply.text()).contains("\"dueDate\":\"2026-11-24\"", "\"currency\":\"USD\"",
                "{\"productUuid\":\"" + DemoWorkspace.SUPPORT_PLAN + "\",\"description\":\"Support plan\",\"quantity\":1.5,"
                        + "\"unitPrice\":49.5,\"amount\":74.25}",
                "\"description\":\"Free hour\",\"quantity\":1,\"unitPrice\":0,\"amount\":0}",
                "\"discount\":10.25,\"discountDescription\":\"Loyalty\",\"notes\":\"Thanks\",\"tagUuids\":[]",
                "\"subtotal\":74.25,\"total\":64,\"amountPaid\":0,\"creditsApplied\":0,\"balanceDue\":64");
        assertThat(reply.data().has("remainingCredit")).isFalse();
    }

    @Test
    void creditMemoIsNumberedOnItsOwnAndCarriesItsCredit() {
        String invoice = createApproved();

        Reply memo = create(Bodies.invoice().replaceFirst("\\{", "{\"invoiceType\":\"memo\",\"appliedToInvoiceUuid\":\"" + invoice + "\","));

        assertThat(memo.dataText("invoiceNumber")).isEqualTo("CM-0001");
        assertThat(memo.dataText("appliedToInvoiceUuid")).isEqualTo(invoice);
        assertThat(memo.data().get("remainingCredit").asInt()).isEqualTo(240);
        assertThat(memo.dataText("status")).isEqualTo("draft");
        assertThat(partner.patch("/partners/invoices/" + memo.dataText("id") + "/approve").dataText("status")).isEqualTo("open");

        Reply memoOfMemo = partner.post("/partners/invoices", Bodies.invoice().replaceFirst("\\{",
                "{\"invoiceType\":\"memo\",\"appliedToInvoiceUuid\":\"" + memo.dataText("id") + "\","));
        assertThat(memoOfMemo.message()).contains("appliedToInvoiceUuid");
    }
}
