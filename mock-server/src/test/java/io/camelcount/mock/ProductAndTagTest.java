package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /partners/products} and {@code /partners/tags} (contract §5). */
class ProductAndTagTest extends DemoWorkspaceTest {

    private static final String PRODUCTS = "/partners/products";
    private static final String TAGS = "/partners/tags";
    /** DemoWorkspace.SUBSCRIPTION_INCOME_ACCOUNT, spelled out so that the parameterised cases can use it. */
    private static final String SUBSCRIPTIONS = "c4a1e2d3-0000-4000-8000-0000000000a2";
    private static final String PURCHASES = "c4a1e2d3-0000-4000-8000-0000000000e1";
    private static final String TAX = "7d0c4e8a-1b2c-4d3e-8f40-5a6b7c8d9e01";

    @Test
    void theDemoProductsAreListed() {
        Reply reply = ok(partner.get(PRODUCTS));

        assertThat(reply.text()).contains("{\"id\":\"" + DemoWorkspace.CONSULTING_HOUR + "\",\"name\":\"Consulting hour\","
                + "\"unitPrice\":120,\"categoryAccountUuid\":\"" + DemoWorkspace.SALES_ACCOUNT + "\","
                + "\"purchaseCategoryAccountUuid\":null,\"taxUuids\":[]}");
        assertThat(reply.recordTexts("name")).containsExactly("Consulting hour", "Support plan");
        assertThat(ok(partner.get(PRODUCTS + "?search=SUPPORT")).recordTexts("name")).containsExactly("Support plan");
        assertThat(ok(partner.get(PRODUCTS + "?limit=1&page=2")).recordTexts("name")).containsExactly("Support plan");
    }

    @Test
    void aCreatedProductCarriesItsAccountsAndTaxesAndCanBeInvoiced() {
        Reply product = created(partner.post(PRODUCTS, "{\"name\":\"Audit\",\"unitPrice\":900.5,\"categoryAccountUuid\":\""
                + SUBSCRIPTIONS + "\",\"purchaseCategoryAccountUuid\":\"" + PURCHASES + "\",\"taxUuids\":[\"" + TAX + "\",\""
                + TAX + "\"],\"sku\":\"A-1\"}"));

        String uuid = product.dataText("id");
        assertThat(product.text()).contains("\"name\":\"Audit\",\"unitPrice\":900.5,\"categoryAccountUuid\":\"" + SUBSCRIPTIONS
                + "\",\"purchaseCategoryAccountUuid\":\"" + PURCHASES + "\",\"taxUuids\":[\"" + TAX + "\"]");
        assertThat(product.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("sku");
        assertThat(ok(partner.get(PRODUCTS + "/" + uuid)).data()).isEqualTo(product.data());
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice(Bodies.ACME, uuid))).text())
                .contains("\"description\":\"Audit\"");
    }

    /** count-cli's create schema makes the category optional and its smoke test creates a product from a name alone. */
    @Test
    void aProductWithoutACategoryAccountIsCreatedButCannotBeInvoicedUntilItHasOne() {
        Reply product = created(partner.post(PRODUCTS, "{\"name\":\"Free sample\"}"));
        String uuid = product.dataText("id");
        assertThat(product.data().get("categoryAccountUuid").isNull()).isTrue();
        assertThat(product.data().get("unitPrice").asInt()).isZero();

        Reply refused = partner.post("/partners/invoices", Bodies.invoice(Bodies.ACME, uuid));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("has no category account");

        ok(partner.patch(PRODUCTS + "/" + uuid, "{\"categoryAccountUuid\":\"" + DemoWorkspace.SALES_ACCOUNT + "\"}"));
        created(partner.post("/partners/invoices", Bodies.invoice(Bodies.ACME, uuid)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"categoryAccountUuid\":\"" + SUBSCRIPTIONS + "\"}                | 400 | name is required",
            "{\"name\":\"\"}                                                    | 400 | name is required",
            "{\"name\":\"Audit\",\"categoryAccountUuid\":\"sales\"}             | 400 | categoryAccountUuid must be a UUID",
            "{\"name\":\"Audit\",\"categoryAccountUuid\":\"" + TAX + "\"}       | 404 | categoryAccountUuid: account " + TAX
                    + " is not in this workspace's chart of accounts",
            "{\"name\":\"Audit\",\"purchaseCategoryAccountUuid\":\"" + TAX + "\"} | 404 | purchaseCategoryAccountUuid: account "
                    + TAX + " is not in this workspace's chart of accounts",
            "{\"name\":\"Audit\",\"taxUuids\":[\"VAT\"]}                        | 400 | taxUuids[0] must be a UUID",
            "{\"name\":\"Audit\",\"unitPrice\":-1}                              | 400 | unitPrice must be 0 or more",
            "{\"name\":\"Audit\",\"unitPrice\":1.001}                           | 400 | unitPrice",
            "{\"name\":\"Audit\",\"unitPrice\":true}                            | 400 | unitPrice must be a number"})
    void badProductsAreRefusedNamingTheField(String body, int status, String message) {
        Reply reply = partner.post(PRODUCTS, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.message()).startsWith(message);
        assertThat(ok(partner.get(PRODUCTS)).records()).hasSize(2);
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        String uuid = DemoWorkspace.SUPPORT_PLAN.toString();

        Reply reply = ok(partner.patch(PRODUCTS + "/" + uuid, "{\"unitPrice\":55,\"sku\":\"SP-1\"}"));

        assertThat(reply.text()).contains("\"name\":\"Support plan\",\"unitPrice\":55,\"categoryAccountUuid\":\"" + DemoWorkspace.SALES_ACCOUNT);
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("sku");
        Reply accounts = ok(partner.patch(PRODUCTS + "/" + uuid, "{\"categoryAccountUuid\":\"" + SUBSCRIPTIONS
                + "\",\"purchaseCategoryAccountUuid\":\"" + PURCHASES + "\",\"taxUuids\":[\"" + TAX + "\"]}"));
        assertThat(accounts.dataText("categoryAccountUuid")).isEqualTo(SUBSCRIPTIONS);
        assertThat(accounts.dataText("purchaseCategoryAccountUuid")).isEqualTo(PURCHASES);
        assertThat(ok(partner.patch(PRODUCTS + "/" + uuid, "{\"taxUuids\":[]}")).data().get("taxUuids")).isEmpty();

        Reply unknownAccount = partner.patch(PRODUCTS + "/" + uuid, "{\"categoryAccountUuid\":\"" + TAX + "\"}");
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.message()).startsWith("categoryAccountUuid: account " + TAX);
        assertThat(partner.patch(PRODUCTS + "/" + uuid, "{\"name\":null}").message()).isEqualTo("name is required");
        assertThat(ok(partner.get(PRODUCTS + "/" + uuid)).text()).contains("\"name\":\"Support plan\",\"unitPrice\":55,"
                + "\"categoryAccountUuid\":\"" + SUBSCRIPTIONS + "\"");
    }

    @Test
    void invoicesKeepTheirLinesWhenAProductChanges() {
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("id");

        ok(partner.patch(PRODUCTS + "/" + Bodies.CONSULTING, "{\"name\":\"Senior consulting hour\",\"unitPrice\":150}"));

        assertThat(invoice(invoice).text()).contains("\"description\":\"Consulting hour\",\"quantity\":2,\"unitPrice\":120");
    }

    @Test
    void anUnusedProductIsDeleted() {
        String uuid = DemoWorkspace.SUPPORT_PLAN.toString();

        Reply deleted = ok(partner.delete(PRODUCTS + "/" + uuid));

        assertThat(deleted.data().get("isDeleted").asBoolean()).isTrue();
        assertThat(partner.get(PRODUCTS + "/" + uuid).status()).isEqualTo(404);
        assertThat(partner.delete(PRODUCTS + "/" + uuid).status()).isEqualTo(404);
        assertThat(ok(partner.get(PRODUCTS)).recordTexts("name")).containsExactly("Consulting hour");
    }

    @Test
    void aProductOnAnInvoiceLineOrATemplateIsNotDeleted() {
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice())).dataText("id");
        String support = DemoWorkspace.SUPPORT_PLAN.toString();
        String template = created(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\"" + Bodies.ACME
                + "\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"monthly\",\"products\":[{\"productUuid\":\"" + support
                + "\",\"quantity\":1,\"unitPrice\":10}]}")).dataText("id");

        for (String uuid : new String[] {Bodies.CONSULTING, support}) {
            Reply refused = partner.delete(PRODUCTS + "/" + uuid);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text()).contains("\"product_in_use\"");
            assertThat(refused.message()).endsWith("cannot be deleted while they use it");
        }

        ok(partner.delete("/partners/invoices/" + invoice));
        ok(partner.delete("/partners/recurring-invoice-templates/" + template));
        ok(partner.delete(PRODUCTS + "/" + Bodies.CONSULTING));
        ok(partner.delete(PRODUCTS + "/" + support));
    }

    @Test
    void tagsAreCreatedListedAndUsedOnInvoices() {
        Reply tag = created(partner.post(TAGS, "{\"name\":\"Project X\",\"color\":\"#ff8800\"}"));
        created(partner.post(TAGS, "{\"name\":\"Retainer\"}"));
        String uuid = tag.dataText("id");

        assertThat(tag.text()).contains("\"data\":{\"id\":\"" + uuid + "\",\"name\":\"Project X\",\"color\":\"#ff8800\"}");
        assertThat(ok(partner.get(TAGS + "/" + uuid)).data()).isEqualTo(tag.data());
        assertThat(ok(partner.get(TAGS)).recordTexts("name")).containsExactly("Project X", "Retainer");
        assertThat(ok(partner.get(TAGS)).recordTexts("color")).containsExactly("#ff8800", null);
        assertThat(ok(partner.get(TAGS + "?search=proj")).recordTexts("name")).containsExactly("Project X");
        assertThat(created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(), "\"tagUuids\":[\"" + uuid + "\"]")))
                .data().get("tagUuids").get(0).asText()).isEqualTo(uuid);
    }

    @Test
    void aTagNeedsAName() {
        for (String body : new String[] {"{}", "{\"name\":\" \"}", "{\"name\":[\"x\"]}"}) {
            Reply reply = partner.post(TAGS, body);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.message()).startsWith("name");
        }
        assertThat(ok(partner.get(TAGS)).records()).isEmpty();
    }

    @Test
    void patchChangesATagsNameOrColor() {
        String uuid = created(partner.post(TAGS, "{\"name\":\"Project X\",\"color\":\"#ff8800\"}")).dataText("id");

        assertThat(ok(partner.patch(TAGS + "/" + uuid, "{\"color\":\"#00aa00\",\"id\":\"x\"}")).text())
                .contains("\"name\":\"Project X\",\"color\":\"#00aa00\"").contains("\"reason\":\"internal_only\"");
        assertThat(ok(partner.patch(TAGS + "/" + uuid, "{\"name\":\"Project Y\",\"color\":null}")).text())
                .contains("\"name\":\"Project Y\",\"color\":null");
        Reply refused = partner.patch(TAGS + "/" + uuid, "{\"name\":\"\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("name is required");
        assertThat(ok(partner.get(TAGS + "/" + uuid)).dataText("name")).isEqualTo("Project Y");
    }

    /** Decision (mock): a tag that invoices or templates carry stays, so that no approved invoice changes under its owner. */
    @Test
    void aTagOnAnInvoiceIsNotDeletedAnUnusedOneIs() {
        String used = created(partner.post(TAGS, "{\"name\":\"Used\"}")).dataText("id");
        String unused = created(partner.post(TAGS, "{\"name\":\"Unused\"}")).dataText("id");
        String invoice = created(partner.post("/partners/invoices", Bodies.with(Bodies.invoice(), "\"tagUuids\":[\"" + used + "\"]")))
                .dataText("id");

        Reply refused = partner.delete(TAGS + "/" + used);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("\"tag_in_use\"");
        assertThat(refused.message()).isEqualTo("Tag \"Used\" is on invoices or recurring invoice templates and cannot be"
                + " deleted while they carry it");
        assertThat(invoice(invoice).data().get("tagUuids").get(0).asText()).isEqualTo(used);

        assertThat(ok(partner.delete(TAGS + "/" + unused)).data().get("isDeleted").asBoolean()).isTrue();
        assertThat(partner.get(TAGS + "/" + unused).status()).isEqualTo(404);
        assertThat(ok(partner.get(TAGS)).recordTexts("name")).containsExactly("Used");
    }

    @Test
    void unknownProductsAndTagsAreNotFound() {
        assertThat(partner.get(PRODUCTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.patch(PRODUCTS + "/" + UUID.randomUUID(), "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(partner.delete(PRODUCTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.get(TAGS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.patch(TAGS + "/" + UUID.randomUUID(), "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(partner.delete(TAGS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.get(TAGS + "/x").message()).isEqualTo("The uuid in the path must be a UUID, got \"x\"");
    }
}
