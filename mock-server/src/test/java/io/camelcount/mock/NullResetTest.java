package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A field sent as null takes the default it would have on create (docs/WIRE-FORMAT.md), the schedule's too. */
class NullResetTest extends DemoWorkspaceTest {

    @Test
    void aTemplatesScheduleResetsToItsDefaults() {
        String template = created(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\"" + Bodies.ACME
                + "\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"monthly\",\"recurrenceInterval\":3,"
                + "\"inAdvanceCreationDays\":7,\"products\":[{\"productUuid\":\"" + Bodies.CONSULTING
                + "\",\"quantity\":1,\"unitPrice\":10}]}")).dataText("id");
        String path = "/partners/recurring-invoice-templates/" + template;

        JsonNode interval = ok(partner.patch(path, "{\"recurrenceInterval\":null}")).data();
        JsonNode both = ok(partner.patch(path, "{\"recurrenceInterval\":4,\"inAdvanceCreationDays\":null}")).data();

        assertThat(interval.get("recurrenceInterval").asInt()).isEqualTo(1);
        assertThat(interval.get("inAdvanceCreationDays").asInt()).isEqualTo(7);
        assertThat(both.get("recurrenceInterval").asInt()).isEqualTo(4);
        assertThat(both.get("inAdvanceCreationDays").asInt()).isZero();
    }

    @Test
    void aTemplateWithoutAPatternIsRefusedNotBroken() {
        String template = created(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\"" + Bodies.ACME
                + "\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"weekly\",\"products\":[{\"productUuid\":\""
                + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":10}]}")).dataText("id");

        var refused = partner.patch("/partners/recurring-invoice-templates/" + template, "{\"recurrencePattern\":null}");

        refused.assertErrorEnvelope(400);
        assertThat(refused.message()).contains("recurrencePattern is required");
        assertThat(ok(partner.get("/partners/recurring-invoice-templates/" + template)).dataText("recurrencePattern"))
                .isEqualTo("weekly");
    }
}
