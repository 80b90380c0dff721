package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions of contract §2 that every resource shares: the UUID as {@code id}, amounts as numbers or
 * numeric strings, the aliases official clients send, and warnings for ignored fields on creates as on updates.
 */
class WireFormatTest extends DemoWorkspaceTest {

    private static final String TEMPLATES = "/partners/recurring-invoice-templates";
    private static final String TEMPLATE = "{\"customerUuid\":\"" + Bodies.ACME + "\",\"date\":\"2026-12-01\","
            + "\"products\":[{\"productUuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":500}],"
            + "\"recurrencePattern\":\"monthly\"}";

    @Test
    void everyObjectCarriesItsUuidAsIdAndNoneAsUuid() {
        String uuid = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("id");
        Reply withLink = ok(partner.post("/partners/invoices/" + uuid + "/attachments",
                "{\"attachments\":[{\"url\":\"https://files.example/a.pdf\",\"title\":\"Timesheet\"}]}"));
        Reply template = created(partner.post(TEMPLATES, TEMPLATE));
        JsonNode list = ok(partner.get("/partners/invoices")).data();
        JsonNode audit = ok(partner.get("/partners/invoices/" + uuid + "/audit-log")).data();

        assertThat(withLink.dataText("id")).isEqualTo(uuid);
        assertThat(withLink.data().get("attachments").get(0).get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(template.dataText("id")).matches("[0-9a-f-]{36}");
        assertThat(list.get("records").get(0).get("id").asText()).isEqualTo(uuid);
        assertThat(audit.get("records").get(0).get("id").asText()).matches("[0-9a-f-]{36}");
        for (JsonNode answer : new JsonNode[] {withLink.data(), template.data(), list, audit}) {
            assertThat(answer.findValues("uuid")).as(answer.toString()).isEmpty();
        }

        Reply deleted = ok(partner.delete("/partners/invoices/" + uuid));
        assertThat(deleted.data().toString()).isEqualTo("{\"id\":\"" + uuid + "\",\"isDeleted\":true}");
        Reply templateDeleted = ok(partner.delete(TEMPLATES + "/" + template.dataText("id")));
        assertThat(templateDeleted.data().toString()).isEqualTo("{\"id\":\"" + template.dataText("id") + "\",\"isDeleted\":true}");
    }

    @Test
    void amountsQuantitiesAndPricesMayBeNumericStrings() {
        Reply invoice = created(partner.post("/partners/invoices", "{\"customerUuid\":\"" + Bodies.ACME + "\","
                + "\"date\":\"2026-11-24\",\"isDraft\":false,\"discount\":\"40\",\"products\":[{\"productUuid\":\""
                + Bodies.CONSULTING + "\",\"quantity\":\"2\",\"unitPrice\":\"120.00\"},{\"productUuid\":\""
                + Bodies.CONSULTING + "\",\"quantity\":1.5,\"price\":\"10.50\"}]}"));

        assertThat(invoice.data().get("products").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(invoice.data().get("products").get(0).get("unitPrice").asInt()).isEqualTo(120);
        assertThat(invoice.data().get("products").get(1).get("amount").decimalValue()).isEqualByComparingTo("15.75");
        assertThat(invoice.data().get("discount").asInt()).isEqualTo(40);
        assertThat(invoice.data().get("total").decimalValue()).isEqualByComparingTo("215.75");

        String memo = approvedMemo("50");
        Reply credited = ok(partner.patch("/partners/invoices/" + invoice.dataText("id") + "/apply-multiple-credit-to-invoice",
                "{\"creditMemos\":[{\"id\":\"" + memo + "\",\"amount\":\"15.75\"}]}"));
        assertThat(credited.data().get("balanceDue").asInt()).isEqualTo(200);

        Reply paid = ok(new AdminClient(server).post("/payments",
                "{\"invoiceUuid\":\"" + invoice.dataText("id") + "\",\"amount\":\"50.25\"}"));
        assertThat(paid.data().get("balanceDue").decimalValue()).isEqualByComparingTo("149.75");

        Reply template = created(partner.post(TEMPLATES, TEMPLATE.replace("\"quantity\":1,\"unitPrice\":500",
                "\"quantity\":\"3\",\"unitPrice\":\"99.99\"")));
        assertThat(template.data().get("total").decimalValue()).isEqualByComparingTo("299.97");
    }

    @Test
    void aLineMayNameItsProductAsUuidAndItsPriceAsPrice() {
        Reply invoice = created(partner.post("/partners/invoices", "{\"customerUuid\":\"" + Bodies.ACME + "\","
                + "\"date\":\"2026-11-24\",\"products\":[{\"uuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":2,\"price\":120},"
                + "{\"uuid\":\"" + Bodies.CONSULTING + "\",\"productUuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":1,"
                + "\"unitPrice\":5,\"price\":\"5.00\"}]}"));

        JsonNode lines = invoice.data().get("products");
        assertThat(lines.findValuesAsText("productUuid")).containsExactly(Bodies.CONSULTING, Bodies.CONSULTING);
        assertThat(lines.findValues("uuid")).isEmpty();
        assertThat(lines.findValuesAsText("unitPrice")).containsExactly("120", "5");
        assertThat(invoice.json().has("_partnerWarnings")).isFalse();
    }

    @Test
    void anInvoiceCreateReportsTheFieldsItIgnoredAndStillSucceeds() {
        Reply reply = created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(),
                "\"id\":\"4d0c1b6e-0000-4000-8000-000000000001\",\"status\":\"paid\",\"balanceDue\":0,\"colour\":\"blue\"")));

        assertThat(reply.dataText("id")).isNotEqualTo("4d0c1b6e-0000-4000-8000-000000000001");
        assertThat(reply.dataText("status")).isEqualTo("draft");
        assertThat(reply.data().get("balanceDue").asInt()).isEqualTo(240);
        JsonNode warnings = reply.json().get("_partnerWarnings");
        assertThat(warnings.findValuesAsText("field")).containsExactly("id", "status", "balanceDue", "colour");
        assertThat(warnings.findValuesAsText("reason"))
                .containsExactly("internal_only", "internal_only", "internal_only", "unknown_field");
        assertThat(warnings.get(3).get("message").asText()).contains("colour", "ignored");
        assertThat(server.demoWorkspace().invoices()).hasSize(1);
    }

    @Test
    void aTemplateCreateReportsTheFieldsItIgnoredAndStillSucceeds() {
        Reply reply = created(partner.post(TEMPLATES, Bodies.with(TEMPLATE,
                "\"uuid\":\"4d0c1b6e-0000-4000-8000-000000000002\",\"isDraft\":true,\"nextRunDate\":\"2026-12-01\",\"colour\":\"blue\"")));

        assertThat(reply.data().get("isDraft").asBoolean()).as("new templates are paused").isTrue();
        assertThat(reply.dataText("id")).isNotEqualTo("4d0c1b6e-0000-4000-8000-000000000002");
        JsonNode warnings = reply.json().get("_partnerWarnings");
        assertThat(warnings.findValuesAsText("field")).containsExactly("uuid", "nextRunDate", "colour");
        assertThat(warnings.findValuesAsText("reason"))
                .containsExactly("internal_only", "internal_only", "unknown_field");
    }

    @Test
    void aCreateWithOnlyKnownFieldsHasNoWarnings() {
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice())).json().has("_partnerWarnings")).isFalse();
        assertThat(created(partner.post(TEMPLATES, TEMPLATE)).json().has("_partnerWarnings")).isFalse();
    }
}
