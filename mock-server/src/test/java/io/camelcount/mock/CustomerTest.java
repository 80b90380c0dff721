package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /partners/customers} (contract §5), with the field set count-cli documents. */
class CustomerTest extends DemoWorkspaceTest {

    static final String CUSTOMERS = "/partners/customers";
    static final String INITECH = "{\"customer\":\"Initech\",\"email\":\"ap@initech.example\",\"mainPhone\":\"+44 20 7946 0000\","
            + "\"website\":\"https://initech.example\",\"notes\":\"Pays on the 1st\",\"status\":\"active\",\"paymentTerm\":\"net30\","
            + "\"taxNumber\":\"GB123456789\",\"taxAutoCalculate\":true,\"taxExcluded\":false,\"taxes\":[3,7],"
            + "\"billingAddress\":{\"addressLine1\":\"1 Main St\",\"city\":\"London\",\"postalCode\":\"E1 6AN\",\"country\":\"GB\"},"
            + "\"shippingAddress\":{\"addressLine1\":\"2 Dock Rd\",\"city\":\"Tilbury\"},"
            + "\"contacts\":[{\"firstName\":\"Bill\",\"lastName\":\"Lumbergh\",\"email\":\"bill@initech.example\",\"phone\":\"+44 1\","
            + "\"isPrimary\":true}]}";

    private String createInitech() {
        return created(partner.post(CUSTOMERS, INITECH)).dataText("id");
    }

    @Test
    void aCreatedCustomerHasEveryFieldCountDocumentsAndCanBeInvoiced() {
        Reply reply = created(partner.post(CUSTOMERS, INITECH));

        String uuid = reply.dataText("id");
        assertThat(reply.text()).contains("\"data\":{\"id\":\"" + uuid + "\",\"customer\":\"Initech\",\"email\":\"ap@initech.example\","
                + "\"mainPhone\":\"+44 20 7946 0000\",\"website\":\"https://initech.example\",\"notes\":\"Pays on the 1st\","
                + "\"status\":\"active\",\"paymentTerm\":\"net30\",\"taxNumber\":\"GB123456789\",\"taxAutoCalculate\":true,"
                + "\"taxExcluded\":false,\"taxes\":[3,7],"
                + "\"billingAddress\":{\"addressLine1\":\"1 Main St\",\"addressLine2\":null,\"city\":\"London\",\"state\":null,"
                + "\"postalCode\":\"E1 6AN\",\"country\":\"GB\"},"
                + "\"shippingAddress\":{\"addressLine1\":\"2 Dock Rd\",\"addressLine2\":null,\"city\":\"Tilbury\",\"state\":null,"
                + "\"postalCode\":null,\"country\":null},"
                + "\"contacts\":[{\"firstName\":\"Bill\",\"lastName\":\"Lumbergh\",\"email\":\"bill@initech.example\","
                + "\"phone\":\"+44 1\",\"isPrimary\":true}],"
                + "\"createdAt\":\"2026-11-24T10:00:00Z\",\"updatedAt\":\"2026-11-24T10:00:00Z\"}");
        assertThat(reply.data().has("uuid")).isFalse();
        assertThat(reply.json().has("_partnerWarnings")).isFalse();
        assertThat(ok(partner.get(CUSTOMERS + "/" + uuid)).data()).isEqualTo(reply.data());
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice(uuid, Bodies.CONSULTING))).dataText("customerName"))
                .isEqualTo("Initech");
    }

    @Test
    void aCustomerCreatedWithANameAloneIsActiveAndHasNothingElseOnFile() {
        JsonNode data = created(partner.post(CUSTOMERS, "{\"customer\":\"Walk-in\"}")).data();

        assertThat(data.get("status").asText()).isEqualTo("active");
        assertThat(data.get("email").isNull()).isTrue();
        assertThat(data.get("taxAutoCalculate").isNull()).isTrue();
        assertThat(data.get("billingAddress").isNull()).isTrue();
        assertThat(data.get("taxes")).isEmpty();
        assertThat(data.get("contacts")).isEmpty();
    }

    /** count-cli sends mainPhone, billingAddress/shippingAddress and firstName/lastName; the old names go nowhere. */
    @Test
    void theEarlierFieldNamesAreIgnoredWithWarnings() {
        Reply reply = created(partner.post(CUSTOMERS, "{\"customer\":\"Old Client\",\"phone\":\"+44 1\","
                + "\"addresses\":[{\"type\":\"billing\",\"city\":\"London\"}],\"contacts\":[{\"name\":\"Ann\",\"email\":\"ann@old.example\"}],"
                + "\"billingAddress\":{\"city\":\"Leeds\",\"zip\":\"LS1\"}}"));

        assertThat(reply.data().get("mainPhone").isNull()).isTrue();
        assertThat(reply.data().get("contacts").get(0).get("email").asText()).isEqualTo("ann@old.example");
        assertThat(reply.data().get("contacts").get(0).get("firstName").isNull()).isTrue();
        assertThat(reply.data().get("billingAddress").get("city").asText()).isEqualTo("Leeds");
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("field"))
                .containsExactlyInAnyOrder("phone", "addresses", "billingAddress.zip", "contacts[0].name");
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("reason")).containsOnly("unknown_field");
    }

    @Test
    void emailsAreUniquePerWorkspaceInAnyCase() {
        Reply reply = partner.post(CUSTOMERS, "{\"customer\":\"Acme again\",\"email\":\"BILLING@acme.example\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).contains("email BILLING@acme.example already belongs to another customer");
        assertThat(ok(partner.get(CUSTOMERS)).records()).hasSize(2);
    }

    @Test
    void findByEmailFindsTheCustomerOrAnswersNotFound() {
        String uuid = createInitech();

        assertThat(ok(partner.get(CUSTOMERS + "/find-by-email?email=AP%40initech.example")).dataText("id")).isEqualTo(uuid);
        assertThat(ok(partner.get(CUSTOMERS + "/find-by-email?email=billing@acme.example")).dataText("customer"))
                .isEqualTo("Acme Trading Ltd");

        Reply absent = partner.get(CUSTOMERS + "/find-by-email?email=nobody@nowhere.example");
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.message()).contains("nobody@nowhere.example");
        assertThat(partner.get(CUSTOMERS + "/find-by-email").message()).startsWith("email is required");
    }

    @Test
    void putChangesOnlyTheFieldsSent() {
        String uuid = createInitech();
        JsonNode before = ok(partner.get(CUSTOMERS + "/" + uuid)).data();
        clock.advance(Duration.ofMinutes(5));

        Reply reply = ok(partner.put(CUSTOMERS + "/" + uuid, "{\"mainPhone\":null,\"contacts\":[],\"status\":\"inactive\","
                + "\"shippingAddress\":null,\"id\":\"x\",\"vatNumber\":\"GB1\"}"));

        assertThat(reply.data().get("mainPhone").isNull()).isTrue();
        assertThat(reply.data().get("contacts")).isEmpty();
        assertThat(reply.data().get("status").asText()).isEqualTo("inactive");
        assertThat(reply.data().get("shippingAddress").isNull()).isTrue();
        for (String kept : new String[] {"customer", "email", "website", "taxes", "billingAddress", "createdAt"}) {
            assertThat(reply.data().get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(reply.dataText("updatedAt")).isEqualTo("2026-11-24T10:05:00Z");
        assertThat(reply.dataText("id")).isEqualTo(uuid);
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("reason")).containsExactly("internal_only", "unknown_field");
    }

    @Test
    void anUpdateKeepsEmailsUniqueButACustomerMayKeepItsOwn() {
        String uuid = createInitech();

        Reply taken = partner.put(CUSTOMERS + "/" + uuid, "{\"email\":\"accounts@globex.example\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.message()).contains("accounts@globex.example already belongs to another customer");

        assertThat(ok(partner.put(CUSTOMERS + "/" + uuid, "{\"email\":\"AP@initech.example\"}")).dataText("email"))
                .isEqualTo("AP@initech.example");
        assertThat(ok(partner.put(CUSTOMERS + "/" + uuid, "{\"customer\":\"Initech Ltd\"}")).dataText("customer"))
                .isEqualTo("Initech Ltd");
    }

    @Test
    void invoicesKeepTheCustomerAsItWasWhenTheyWereWritten() {
        String uuid = createInitech();
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice(uuid, Bodies.CONSULTING))).dataText("id");

        ok(partner.put(CUSTOMERS + "/" + uuid, "{\"customer\":\"Initech Ltd\"}"));

        assertThat(invoice(invoice).dataText("customerName")).isEqualTo("Initech");
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice(uuid, Bodies.CONSULTING))).dataText("customerName"))
                .isEqualTo("Initech Ltd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                                          | customer (the customer's name) is required",
            "{\"customer\":\"  \"}                                       | customer (the customer's name) is required",
            "{\"customer\":7}                                            | customer must be a string",
            "{\"customer\":\"X\",\"email\":\"not-an-email\"}             | email is not an email address",
            "{\"customer\":\"X\",\"status\":\"archived\"}                | status must be one of active or inactive",
            "{\"customer\":\"X\",\"taxes\":[\"VAT\"]}                    | taxes[0] must be a whole number",
            "{\"customer\":\"X\",\"taxes\":[1.5]}                        | taxes[0] must be a whole number",
            "{\"customer\":\"X\",\"taxExcluded\":\"no\"}                 | taxExcluded must be true or false",
            "{\"customer\":\"X\",\"billingAddress\":[]}                  | billingAddress must be a JSON object",
            "{\"customer\":\"X\",\"shippingAddress\":{\"city\":1}}       | shippingAddress.city must be a string",
            "{\"customer\":\"X\",\"contacts\":[{\"isPrimary\":\"yes\"}]} | contacts[0].isPrimary must be true or false",
            "{\"customer\":\"X\",\"contacts\":[{\"firstName\":\"A\",\"email\":\"nope\"}]} | contacts[0].email is not an email address",
            "[1]                                                         | The request body must be a JSON object"})
    void badCustomersAreRefusedNamingTheField(String body, String message) {
        Reply reply = partner.post(CUSTOMERS, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.message()).startsWith(message);
        assertThat(ok(partner.get(CUSTOMERS)).records()).hasSize(2);
    }

    @Test
    void aBadUpdateChangesNothing() {
        String uuid = createInitech();
        JsonNode before = ok(partner.get(CUSTOMERS + "/" + uuid)).data();

        assertThat(partner.put(CUSTOMERS + "/" + uuid, "{\"customer\":null}").message()).startsWith("customer");
        assertThat(partner.put(CUSTOMERS + "/" + uuid, "{\"email\":\"x\"}").message()).startsWith("email");
        Reply noStatus = partner.put(CUSTOMERS + "/" + uuid, "{\"status\":null}");
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.message()).startsWith("status must be active or inactive");

        assertThat(ok(partner.get(CUSTOMERS + "/" + uuid)).data()).isEqualTo(before);
    }

    @Test
    void theListSearchesOrdersAndPages() {
        createInitech();
        created(partner.post(CUSTOMERS, "{\"customer\":\"beta Corp\"}"));

        assertThat(ok(partner.get(CUSTOMERS)).recordTexts("customer"))
                .containsExactly("Acme Trading Ltd", "Globex Services", "Initech", "beta Corp");
        assertThat(ok(partner.get(CUSTOMERS)).records().get(0).has("id")).isTrue();
        assertThat(ok(partner.get(CUSTOMERS + "?orderBy=customer")).recordTexts("customer"))
                .containsExactly("Acme Trading Ltd", "beta Corp", "Globex Services", "Initech");
        assertThat(ok(partner.get(CUSTOMERS + "?orderBy=customer&orderDirection=DESC")).recordTexts("customer"))
                .containsExactly("Initech", "Globex Services", "beta Corp", "Acme Trading Ltd");
        assertThat(ok(partner.get(CUSTOMERS + "?orderBy=email&orderDirection=asc")).recordTexts("customer"))
                .containsExactly("beta Corp", "Globex Services", "Initech", "Acme Trading Ltd");
        assertThat(ok(partner.get(CUSTOMERS + "?orderBy=createdAt&orderDirection=desc")).recordTexts("customer"))
                .containsExactly("beta Corp", "Initech", "Globex Services", "Acme Trading Ltd");
        assertThat(ok(partner.get(CUSTOMERS + "?search=GLOBEX")).recordTexts("customer")).containsExactly("Globex Services");
        assertThat(ok(partner.get(CUSTOMERS + "?search=initech.example")).recordTexts("customer")).containsExactly("Initech");
        Reply page = ok(partner.get(CUSTOMERS + "?limit=3&page=2"));
        assertThat(page.recordTexts("customer")).containsExactly("beta Corp");
        assertThat(page.text()).contains("\"page\":2,\"limit\":3,\"totalRecords\":4,\"totalPages\":2");

        for (String query : new String[] {"orderBy=name", "orderDirection=up", "limit=0", "page=x"}) {
            Reply refused = partner.get(CUSTOMERS + "?" + query);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.message()).startsWith(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void orderByUpdatedAtPutsTheLastChangedCustomerLast() {
        String initech = createInitech();
        clock.advance(Duration.ofMinutes(1));
        ok(partner.put(CUSTOMERS + "/" + Bodies.ACME, "{\"notes\":\"Key account\"}"));
        clock.advance(Duration.ofMinutes(1));
        ok(partner.put(CUSTOMERS + "/" + initech, "{\"website\":\"https://initech.example/new\"}"));
        clock.advance(Duration.ofMinutes(1));
        ok(partner.put(CUSTOMERS + "/" + Bodies.GLOBEX, "{\"customer\":\"Globex Services\"}"));

        assertThat(ok(partner.get(CUSTOMERS + "?orderBy=updatedAt")).recordTexts("customer"))
                .as("an update that changes nothing leaves updatedAt alone")
                .containsExactly("Globex Services", "Acme Trading Ltd", "Initech");
        assertThat(ok(partner.get(CUSTOMERS + "?orderBy=updatedAt&orderDirection=desc")).recordTexts("customer"))
                .containsExactly("Initech", "Acme Trading Ltd", "Globex Services");
    }

    @Test
    void anUnusedCustomerIsDeleted() {
        String uuid = createInitech();

        Reply deleted = ok(partner.delete(CUSTOMERS + "/" + uuid));

        assertThat(deleted.data().get("isDeleted").asBoolean()).isTrue();
        assertThat(partner.get(CUSTOMERS + "/" + uuid).status()).isEqualTo(404);
        assertThat(partner.get(CUSTOMERS + "/find-by-email?email=ap@initech.example").status()).isEqualTo(404);
        assertThat(partner.delete(CUSTOMERS + "/" + uuid).status()).isEqualTo(404);
        assertThat(created(partner.post(CUSTOMERS, INITECH)).dataText("email"))
                .as("its email is free again").isEqualTo("ap@initech.example");
    }

    @Test
    void aCustomerWithInvoicesOrTemplatesIsNotDeleted() {
        String withInvoice = createInitech();
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice(withInvoice, Bodies.CONSULTING))).dataText("id");
        String withTemplate = created(partner.post(CUSTOMERS, "{\"customer\":\"Subscriber\"}")).dataText("id");
        String template = created(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\"" + withTemplate
                + "\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"monthly\",\"products\":[{\"productUuid\":\""
                + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":10}]}")).dataText("id");

        for (String uuid : new String[] {withInvoice, withTemplate}) {
            Reply refused = partner.delete(CUSTOMERS + "/" + uuid);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text()).contains("\"customer_has_invoices\"");
            assertThat(refused.message()).contains("cannot be deleted while they reference it; set its status to inactive");
            ok(partner.get(CUSTOMERS + "/" + uuid));
        }

        ok(partner.delete("/partners/invoices/" + invoice));
        ok(partner.delete("/partners/recurring-invoice-templates/" + template));
        ok(partner.delete(CUSTOMERS + "/" + withInvoice));
        ok(partner.delete(CUSTOMERS + "/" + withTemplate));
    }

    @Test
    void unknownCustomersAreNotFound() {
        assertThat(partner.get(CUSTOMERS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.put(CUSTOMERS + "/" + UUID.randomUUID(), "{\"customer\":\"X\"}").status()).isEqualTo(404);
        assertThat(partner.delete(CUSTOMERS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        Reply notAUuid = partner.get(CUSTOMERS + "/acme");
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.message()).contains("must be a UUID");
    }
}
