package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /partners/invoices/{uuid}/audit-log}: one entry per change, oldest first. */
class AuditLogTest extends DemoWorkspaceTest {

    private JsonNode auditLog(String uuid) {
        Reply reply = ok(partner.get("/partners/invoices/" + uuid + "/audit-log"));
        assertThat(reply.data().get("totalRecords").asInt()).isEqualTo(reply.records().size());
        return reply.records();
    }

    private static List<String> actions(JsonNode entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(entry -> actions.add(entry.get("action").asText()));
        return actions;
    }

    @Test
    void everyChangeOfAnInvoiceIsLoggedOldestFirst() {
        String uuid = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("id");
        String memo = approvedMemo("40");
        clock.advance(Duration.ofMinutes(1));
        ok(partner.patch("/partners/invoices/" + uuid, "{\"notes\":\"Net 30\"}"));
        clock.advance(Duration.ofMinutes(1));
        ok(partner.patch("/partners/invoices/" + uuid + "/approve"));
        ok(partner.post("/partners/invoices/" + uuid + "/attachments", "{\"attachments\":[{\"url\":\"https://a.example/t.pdf\"}]}"));
        ok(partner.post("/partners/invoices/" + uuid + "/send", null));
        ok(partner.patch("/partners/invoices/" + uuid + "/apply-multiple-credit-to-invoice",
                "{\"creditMemos\":[{\"id\":\"" + memo + "\",\"amount\":40}]}"));
        server.demoWorkspace().recordPayment(UUID.fromString(uuid), new BigDecimal("50"));
        ok(partner.patch("/partners/invoices/" + uuid + "/remove-credit", "{\"memoId\":\"" + memo + "\"}"));
        ok(partner.post("/partners/invoices/" + uuid + "/send", "{\"recipients\":[\"ap@acme.example\"]}"));

        JsonNode entries = auditLog(uuid);

        assertThat(actions(entries)).containsExactly("created", "updated", "approved", "attachments_added", "sent",
                "credit_applied", "payment_recorded", "credit_removed", "sent");
        Set<String> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.get("id").asText()));
        assertThat(ids).hasSize(entries.size());
        assertThat(entries.get(0).get("at").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(entries.get(1).get("at").asText()).isEqualTo("2026-11-24T10:01:00Z");
        assertThat(entries.get(2).get("at").asText()).isEqualTo("2026-11-24T10:02:00Z");
        assertThat(entries.get(0).get("actor").asText()).isEqualTo("partner:demo-client");
        assertThat(entries.get(6).get("actor").asText()).isEqualTo("customer");

        assertThat(entries.get(0).get("changes").get("invoiceNumber").toString()).isEqualTo("{\"from\":null,\"to\":\"INV-0001\"}");
        assertThat(entries.get(0).get("changes").get("total").toString()).isEqualTo("{\"from\":null,\"to\":240}");
        assertThat(entries.get(1).get("changes").toString()).isEqualTo("{\"notes\":{\"from\":null,\"to\":\"Net 30\"}}");
        assertThat(entries.get(2).get("changes").toString()).isEqualTo("{\"isDraft\":{\"from\":true,\"to\":false},"
                + "\"approved\":{\"from\":false,\"to\":true},\"status\":{\"from\":\"draft\",\"to\":\"approved\"}}");
        assertThat(entries.get(3).get("changes").get("attachments").get("to")).hasSize(1);
        assertThat(entries.get(4).get("changes").toString()).isEqualTo("{\"isSent\":{\"from\":false,\"to\":true},"
                + "\"status\":{\"from\":\"approved\",\"to\":\"sent\"},\"recipients\":{\"from\":null,\"to\":[\"billing@acme.example\"]}}");
        assertThat(entries.get(5).get("changes").get("balanceDue").toString()).isEqualTo("{\"from\":240,\"to\":200}");
        assertThat(entries.get(5).get("changes").get("creditApplications").get("to").toString())
                .isEqualTo("[{\"memoUuid\":\"" + memo + "\",\"invoiceUuid\":\"" + uuid + "\",\"amount\":40}]");
        assertThat(entries.get(7).get("changes").get("balanceDue").toString()).isEqualTo("{\"from\":150,\"to\":190}");
        assertThat(entries.get(8).get("changes").toString()).isEqualTo("{\"recipients\":{\"from\":null,\"to\":[\"ap@acme.example\"]}}");

        assertThat(actions(auditLog(memo))).containsExactly("created", "credit_applied", "credit_removed");
        assertThat(auditLog(memo).get(1).get("changes").get("remainingCredit").toString()).isEqualTo("{\"from\":40,\"to\":0}");
    }

    @Test
    void refusedChangesAreNotLogged() {
        String uuid = approvedInvoice("10");

        partner.patch("/partners/invoices/" + uuid + "/approve");
        partner.patch("/partners/invoices/" + uuid, "{\"notes\":\"x\"}");
        partner.delete("/partners/invoices/" + uuid);

        assertThat(actions(auditLog(uuid))).containsExactly("created");
    }

    @Test
    void theLogOfAnUnknownInvoiceIsNotFound() {
        assertThat(partner.get("/partners/invoices/" + UUID.randomUUID() + "/audit-log").status()).isEqualTo(404);
        assertThat(partner.get("/partners/invoices/nope/audit-log").message()).contains("uuid");
    }
}
