package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.camelcount.mock.AnswerVariantsTest.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants off by default, every answer in the contract's default form; {@code /__admin/count/variants}
 * switches them on and off at run time.
 */
class AnswerVariantsSwitchTest extends DemoWorkspaceTest {

    private AdminClient admin;

    @BeforeEach
    void admin() {
        admin = new AdminClient(server);
    }

    @Test
    void offByDefaultEveryAnswerTakesTheDefaultFormByteForByte() {
        assertThat(ok(admin.get("/variants")).data().toString()).isEqualTo("{\"enabled\":false,\"seed\":null}");
        String uuid = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("id");

        Set<String> invoices = new LinkedHashSet<>();
        Set<String> lists = new LinkedHashSet<>();
        Set<String> errors = new LinkedHashSet<>();
        for (int i = 0; i < 12; i++) {
            invoices.add(ok(partner.get("/partners/invoices/" + uuid)).text());
            lists.add(ok(partner.get("/partners/invoices")).text());
            Reply missing = partner.get("/partners/invoices/4d0c1b6e-0000-4000-8000-000000000001");
            errors.add(missing.text().replace(missing.requestId(), "<requestId>"));
        }
        assertThat(invoices).hasSize(1).allSatisfy(text -> assertThat(text).contains("\"data\":{\"id\":\"" + uuid + "\""));
        assertThat(lists).hasSize(1).allSatisfy(text -> assertThat(text).contains("\"data\":{\"records\":[")
                .endsWith("\"page\":1,\"limit\":20,\"totalRecords\":1,\"totalPages\":1}}"));
        assertThat(errors).hasSize(1).allSatisfy(text -> assertThat(text).contains("\"errorCode\":\"not_found\""));
    }

    @Test
    void theAdminCallSwitchesVariantsOnAndOff() {
        String uuid = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("id");

        Reply on = ok(admin.post("/variants", "{\"seed\":" + AnswerVariantsTest.SEED + "}"));
        assertThat(on.data().toString()).isEqualTo("{\"enabled\":true,\"seed\":" + AnswerVariantsTest.SEED + "}");
        List<String> switchedOn = forms(uuid);
        assertThat(Set.copyOf(switchedOn)).contains("data", "data.invoice");

        assertThat(ok(admin.post("/variants", "{\"seed\":null}")).data().get("enabled").asBoolean()).isFalse();
        assertThat(Set.copyOf(forms(uuid))).containsExactly("data");

        ok(admin.post("/variants", "{\"seed\":" + AnswerVariantsTest.SEED + "}"));
        assertThat(forms(uuid)).as("switched on again: counted afresh, the same forms").isEqualTo(switchedOn);

        assertThat(ok(admin.delete("/variants")).data().toString()).isEqualTo("{\"enabled\":false,\"seed\":null}");
        assertThat(Set.copyOf(forms(uuid))).containsExactly("data");
    }

    @Test
    void aResetPutsTheVariantsBackAsTheMockStarted() {
        ok(admin.post("/variants", "{\"seed\":7}"));

        ok(admin.post("/reset", null));

        assertThat(ok(admin.get("/variants")).data().get("enabled").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|seed is required",
            "{\"seed\":\"7\"}|seed must be a whole number",
            "{\"seed\":1.5}|seed must be a whole number",
            "{\"seed\":9007199254740992}|between -(2^53 - 1) and 2^53 - 1",
            "{\"seed\":7,\"colour\":1}|Unknown field colour",
            "[7]|must be a JSON object"})
    void badSwitchesAreRefusedAndChangeNothing(String body, String message) {
        Reply reply = admin.post("/variants", body);

        reply.assertErrorEnvelope(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
        assertThat(reply.message()).contains(message);
        assertThat(ok(admin.get("/variants")).data().get("enabled").asBoolean()).isFalse();
    }

    private List<String> forms(String uuid) {
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            forms.add(form(ok(partner.get("/partners/invoices/" + uuid))));
        }
        return forms;
    }
}
