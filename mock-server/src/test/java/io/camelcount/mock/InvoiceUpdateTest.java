package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH} and {@code DELETE /partners/invoices/{uuid}}: drafts only. */
class InvoiceUpdateTest extends DemoWorkspaceTest {

    private String draft() {
        return created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(),
                "\"notes\":\"First notes\",\"discount\":40,\"discountDescription\":\"Loyalty\""))).dataText("id");
    }

    private Reply patch(String uuid, String body) {
        return partner.patch("/partners/invoices/" + uuid, body);
    }

    @Test
    void onlyTheFieldsSentChange() {
        String uuid = draft();
        JsonNode before = invoice(uuid).data();
        clock.advance(Duration.ofMinutes(3));

        Reply reply = ok(patch(uuid, "{\"notes\":\"Second notes\",\"dueDate\":\"2027-01-10\"}"));

        JsonNode after = reply.data();
        assertThat(after.get("notes").asText()).isEqualTo("Second notes");
        assertThat(after.get("dueDate").asText()).isEqualTo("2027-01-10");
        assertThat(after.get("updatedAt").asText()).isEqualTo("2026-11-24T10:03:00Z");
        for (String unchanged : new String[] {"id", "invoiceNumber", "customerUuid", "date", "products", "discount",
                "discountDescription", "total", "status", "createdAt"}) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(reply.json().has("_partnerWarnings")).isFalse();
        assertThat(invoice(uuid).data()).isEqualTo(after);
    }

    @Test
    void newLinesReplaceTheOldAndTheTotalsFollow() {
        String uuid = draft();

        Reply reply = ok(patch(uuid, "{\"products\":[{\"productUuid\":\"" + DemoWorkspace.SUPPORT_PLAN
                + "\",\"quantity\":3,\"price\":49.5}],\"discount\":0}"));

        assertThat(reply.text()).contains("\"products\":[{\"productUuid\":\"" + DemoWorkspace.SUPPORT_PLAN
                + "\",\"description\":\"Support plan\",\"quantity\":3,\"unitPrice\":49.5,\"amount\":148.5}]",
                "\"subtotal\":148.5,\"total\":148.5", "\"balanceDue\":148.5");
    }

    @Test
    void aFieldSentAsNullIsClearedToItsDefault() {
        String uuid = draft();

        Reply reply = ok(patch(uuid, "{\"notes\":null,\"discount\":null,\"discountDescription\":null,\"dueDate\":null}"));

        assertThat(reply.text()).contains("\"dueDate\":\"2026-11-24\"", "\"discount\":0,\"discountDescription\":null,\"notes\":null",
                "\"total\":240");
    }

    @Test
    void isDraftFalseApprovesTheDraft() {
        String uuid = draft();

        Reply reply = ok(patch(uuid, "{\"isDraft\":false,\"notes\":\"Final\"}"));

        assertThat(reply.dataText("status")).isEqualTo("approved");
        assertThat(reply.dataText("notes")).isEqualTo("Final");
        assertThat(patch(uuid, "{\"notes\":\"Too late\"}").code()).isEqualTo("invoice_not_editable");
    }

    @Test
    void anApprovedInvoiceCannotBeEditedAndTheMessagePointsToCreditMemos() {
        String uuid = approvedInvoice("240");
        JsonNode before = invoice(uuid).data();

        Reply reply = patch(uuid, "{\"notes\":\"Changed after approval\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invoice_not_editable");
        assertThat(reply.message()).contains("credit memo", "INV-0001");
        assertThat(invoice(uuid).data()).isEqualTo(before);
    }

    @Test
    void internalAndUnknownFieldsAreIgnoredWithPartnerWarnings() {
        String uuid = draft();

        Reply reply = ok(patch(uuid, "{\"notes\":\"Kept\",\"status\":\"paid\",\"total\":1,\"isSent\":true,\"teamId\":7,"
                + "\"balanceDue\":0,\"colour\":\"blue\"}"));

        assertThat(reply.dataText("notes")).isEqualTo("Kept");
        assertThat(reply.dataText("status")).isEqualTo("draft");
        assertThat(reply.data().get("total").asInt()).isEqualTo(200);
        assertThat(reply.data().get("isSent").asBoolean()).isFalse();
        JsonNode warnings = reply.json().get("_partnerWarnings");
        assertThat(warnings).hasSize(6);
        assertThat(warnings.get(0).get("field").asText()).isEqualTo("status");
        assertThat(warnings.get(0).get("reason").asText()).isEqualTo("internal_only");
        assertThat(warnings.get(0).get("message").asText()).contains("status");
        assertThat(warnings.findValuesAsText("reason")).containsExactly("internal_only", "internal_only", "internal_only",
                "internal_only", "internal_only", "unknown_field");
        assertThat(warnings.get(5).get("field").asText()).isEqualTo("colour");
        assertThat(warnings.get(5).get("message").asText()).contains("colour", "ignored");
    }

    @Test
    void theInvoiceNumberStaysUniqueButAnInvoiceMayKeepItsOwn() {
        String first = draft();
        String second = draft();

        Reply taken = patch(second, "{\"invoiceNumber\":\"INV-0001\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("duplicate_invoice_number");

        assertThat(ok(patch(first, "{\"invoiceNumber\":\"INV-0001\"}")).dataText("invoiceNumber")).isEqualTo("INV-0001");
        assertThat(ok(patch(second, "{\"invoiceNumber\":\"SPECIAL-9\"}")).dataText("invoiceNumber")).isEqualTo("SPECIAL-9");
        assertThat(ok(patch(second, "{\"invoiceNumber\":null}")).dataText("invoiceNumber")).isEqualTo("SPECIAL-9");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"notes\":5}                                  | 400 | validation_failed | notes",
            "{\"date\":\"2027-01-01\"}                       | 400 | validation_failed | dueDate",
            "{\"customerUuid\":null}                         | 400 | validation_failed | customerUuid",
            "{\"products\":[]}                               | 400 | validation_failed | products",
            "{\"products\":[{\"quantity\":1}]}               | 400 | validation_failed | products[0].productUuid",
            "{\"discount\":500}                              | 400 | validation_failed | discount",
            "{\"invoiceType\":\"estimate\"}                  | 400 | validation_failed | invoiceType",
            "{\"invoiceType\":\"bill\"}                      | 400 | validation_failed | invoiceType",
            "{\"isDraft\":\"no\"}                            | 400 | validation_failed | isDraft",
            "{\"customerUuid\":\"0b1e7a40-0000-4000-8000-000000000000\"} | 404 | not_found | customerUuid",
            "[]                                              | 400 | validation_failed | body",
            "{\"notes\":                                     | 400 | validation_failed | body"})
    void badUpdatesAreRefusedAndChangeNothing(String body, int status, String code, String field) {
        String uuid = draft();
        JsonNode before = invoice(uuid).data();

        Reply reply = patch(uuid, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).contains(field);
        assertThat(invoice(uuid).data()).isEqualTo(before);
    }

    @Test
    void anUpdateThatChangesNothingKeepsUpdatedAt() {
        String uuid = draft();
        clock.advance(Duration.ofHours(1));

        assertThat(ok(patch(uuid, "{\"notes\":\"First notes\"}")).dataText("updatedAt")).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(ok(patch(uuid, "{}")).dataText("updatedAt")).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void aDeletedDraftIsGone() {
        String uuid = draft();

        Reply deleted = ok(partner.delete("/partners/invoices/" + uuid));

        assertThat(deleted.dataText("id")).isEqualTo(uuid);
        assertThat(partner.get("/partners/invoices/" + uuid).status()).isEqualTo(404);
        assertThat(partner.get("/partners/invoices/" + uuid + "/audit-log").status()).isEqualTo(404);
        assertThat(partner.delete("/partners/invoices/" + uuid).status()).isEqualTo(404);
        assertThat(ok(partner.get("/partners/invoices")).records()).isEmpty();
    }

    @Test
    void onlyDraftsCanBeDeleted() {
        String uuid = approvedInvoice("10");

        Reply reply = partner.delete("/partners/invoices/" + uuid);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invoice_not_draft");
        assertThat(reply.message()).contains("credit memo");
        assertThat(invoice(uuid).dataText("status")).isEqualTo("approved");
    }

    @Test
    void unknownOrMalformedUuidsAreNotFoundOrRefused() {
        assertThat(patch(UUID.randomUUID().toString(), "{\"notes\":\"x\"}").status()).isEqualTo(404);
        assertThat(partner.delete("/partners/invoices/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.delete("/partners/invoices/INV-0001").message()).contains("uuid");
    }
}
