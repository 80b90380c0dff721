package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /partners/products} and {@code /partners/tags} (contract §5). */
class ProductAndTagTest extends DemoWorkspaceTest {

    private static final String PRODUCTS = "/partners/products";
    private static final String TAGS = "/partners/tags";
    private static final String ACCOUNT = "c4a1e2d3-0000-4000-8000-0000000000a2";

    @Test
    void theDemoProductsAreListed() {
        Reply reply = ok(partner.get(PRODUCTS));

        assertThat(reply.text()).contains("{\"uuid\":\"" + DemoWorkspace.CONSULTING_HOUR + "\",\"name\":\"Consulting hour\","
                + "\"unitPrice\":120,\"categoryAccountUuid\":\"" + DemoWorkspace.SALES_ACCOUNT + "\"}");
        assertThat(reply.recordTexts("name")).containsExactly("Consulting hour", "Support plan");
        assertThat(ok(partner.get(PRODUCTS + "?search=SUPPORT")).recordTexts("name")).containsExactly("Support plan");
        assertThat(ok(partner.get(PRODUCTS + "?limit=1&page=2")).recordTexts("name")).containsExactly("Support plan");
    }

    @Test
    void aCreatedProductCanBeInvoiced() {
        Reply product = created(partner.post(PRODUCTS, "{\"name\":\"Audit\",\"unitPrice\":900.5,\"categoryAccountUuid\":\"" + ACCOUNT + "\"}"));

        String uuid = product.dataText("uuid");
        assertThat(ok(partner.get(PRODUCTS + "/" + uuid)).data()).isEqualTo(product.data());
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice(Bodies.ACME, uuid))).text())
                .contains("\"description\":\"Audit\"");
        assertThat(created(partner.post(PRODUCTS, "{\"name\":\"Free\",\"categoryAccountUuid\":\"" + ACCOUNT + "\"}")).data()
                .get("unitPrice").asInt()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"categoryAccountUuid\":\"" + ACCOUNT + "\"}                     | name",
            "{\"name\":\"\",\"categoryAccountUuid\":\"" + ACCOUNT + "\"}         | name",
            "{\"name\":\"Audit\"}                                               | categoryAccountUuid",
            "{\"name\":\"Audit\",\"categoryAccountUuid\":\"sales\"}             | categoryAccountUuid",
            "{\"name\":\"Audit\",\"categoryAccountUuid\":\"" + ACCOUNT + "\",\"unitPrice\":-1} | unitPrice",
            "{\"name\":\"Audit\",\"categoryAccountUuid\":\"" + ACCOUNT + "\",\"unitPrice\":1.001} | unitPrice",
            "{\"name\":\"Audit\",\"categoryAccountUuid\":\"" + ACCOUNT + "\",\"unitPrice\":\"9\"} | unitPrice"})
    void badProductsAreRefusedNamingTheField(String body, String field) {
        Reply reply = partner.post(PRODUCTS, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.field()).isEqualTo(field);
        assertThat(ok(partner.get(PRODUCTS)).records()).hasSize(2);
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNeverRemovesTheCategoryAccount() {
        String uuid = DemoWorkspace.SUPPORT_PLAN.toString();

        Reply reply = ok(partner.patch(PRODUCTS + "/" + uuid, "{\"unitPrice\":55,\"sku\":\"SP-1\"}"));

        assertThat(reply.text()).contains("\"name\":\"Support plan\",\"unitPrice\":55,\"categoryAccountUuid\":\"" + DemoWorkspace.SALES_ACCOUNT);
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("sku");
        assertThat(ok(partner.patch(PRODUCTS + "/" + uuid, "{\"categoryAccountUuid\":\"" + ACCOUNT + "\"}")).dataText("categoryAccountUuid"))
                .isEqualTo(ACCOUNT);

        Reply removed = partner.patch(PRODUCTS + "/" + uuid, "{\"categoryAccountUuid\":null}");
        assertThat(removed.status()).isEqualTo(400);
        assertThat(removed.field()).isEqualTo("categoryAccountUuid");
        assertThat(partner.patch(PRODUCTS + "/" + uuid, "{\"name\":null}").field()).isEqualTo("name");
        assertThat(ok(partner.get(PRODUCTS + "/" + uuid)).text()).contains("\"name\":\"Support plan\",\"unitPrice\":55,"
                + "\"categoryAccountUuid\":\"" + ACCOUNT + "\"");
    }

    @Test
    void invoicesKeepTheirLinesWhenAProductChanges() {
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("uuid");

        ok(partner.patch(PRODUCTS + "/" + Bodies.CONSULTING, "{\"name\":\"Senior consulting hour\",\"unitPrice\":150}"));

        assertThat(invoice(invoice).text()).contains("\"description\":\"Consulting hour\",\"quantity\":2,\"unitPrice\":120");
    }

    @Test
    void tagsAreCreatedListedAndUsedOnInvoices() {
        Reply tag = created(partner.post(TAGS, "{\"name\":\"Project X\"}"));
        created(partner.post(TAGS, "{\"name\":\"Retainer\"}"));
        String uuid = tag.dataText("uuid");

        assertThat(tag.text()).contains("\"data\":{\"uuid\":\"" + uuid + "\",\"name\":\"Project X\"}");
        assertThat(ok(partner.get(TAGS + "/" + uuid)).data()).isEqualTo(tag.data());
        assertThat(ok(partner.get(TAGS)).recordTexts("name")).containsExactly("Project X", "Retainer");
        assertThat(ok(partner.get(TAGS + "?search=proj")).recordTexts("name")).containsExactly("Project X");
        assertThat(created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(), "\"tagUuids\":[\"" + uuid + "\"]")))
                .data().get("tagUuids").get(0).asText()).isEqualTo(uuid);
    }

    @Test
    void aTagNeedsAName() {
        for (String body : new String[] {"{}", "{\"name\":\" \"}", "{\"name\":[\"x\"]}"}) {
            Reply reply = partner.post(TAGS, body);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("name");
        }
        assertThat(ok(partner.get(TAGS)).records()).isEmpty();
    }

    @Test
    void unknownProductsAndTagsAreNotFound() {
        assertThat(partner.get(PRODUCTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.patch(PRODUCTS + "/" + UUID.randomUUID(), "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(partner.get(TAGS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.get(TAGS + "/x").field()).isEqualTo("uuid");
    }
}
