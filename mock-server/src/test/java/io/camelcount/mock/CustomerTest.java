package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /partners/customers} (contract §5). */
class CustomerTest extends DemoWorkspaceTest {

    private static final String CUSTOMERS = "/partners/customers";
    private static final String INITECH = "{\"customer\":\"Initech\",\"email\":\"ap@initech.example\",\"phone\":\"+44 20 7946 0000\","
            + "\"addresses\":[{\"type\":\"billing\",\"addressLine1\":\"1 Main St\",\"city\":\"London\",\"postalCode\":\"E1 6AN\","
            + "\"country\":\"GB\"}],\"contacts\":[{\"name\":\"Bill Lumbergh\",\"email\":\"bill@initech.example\"}]}";

    private String createInitech() {
        return created(partner.post(CUSTOMERS, INITECH)).dataText("uuid");
    }

    @Test
    void aCreatedCustomerHasItsAddressesAndContactsAndCanBeInvoiced() {
        Reply reply = created(partner.post(CUSTOMERS, INITECH));

        assertThat(reply.text()).contains("\"customer\":\"Initech\",\"email\":\"ap@initech.example\",\"phone\":\"+44 20 7946 0000\","
                + "\"addresses\":[{\"type\":\"billing\",\"addressLine1\":\"1 Main St\",\"addressLine2\":null,\"city\":\"London\","
                + "\"state\":null,\"postalCode\":\"E1 6AN\",\"country\":\"GB\"}],"
                + "\"contacts\":[{\"name\":\"Bill Lumbergh\",\"email\":\"bill@initech.example\",\"phone\":null}]");
        String uuid = reply.dataText("uuid");
        assertThat(ok(partner.get(CUSTOMERS + "/" + uuid)).data()).isEqualTo(reply.data());
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice(uuid, Bodies.CONSULTING))).dataText("customerName"))
                .isEqualTo("Initech");
    }

    @Test
    void emailsAreUniquePerWorkspaceInAnyCase() {
        Reply reply = partner.post(CUSTOMERS, "{\"customer\":\"Acme again\",\"email\":\"BILLING@acme.example\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("DUPLICATE_EMAIL");
        assertThat(reply.field()).isEqualTo("email");
        assertThat(ok(partner.get(CUSTOMERS)).records()).hasSize(2);
    }

    @Test
    void findByEmailFindsTheCustomerOrAnswersNotFound() {
        String uuid = createInitech();

        assertThat(ok(partner.get(CUSTOMERS + "/find-by-email?email=AP%40initech.example")).dataText("uuid")).isEqualTo(uuid);
        assertThat(ok(partner.get(CUSTOMERS + "/find-by-email?email=billing@acme.example")).dataText("customer"))
                .isEqualTo("Acme Trading Ltd");

        Reply absent = partner.get(CUSTOMERS + "/find-by-email?email=nobody@nowhere.example");
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.code()).isEqualTo("NOT_FOUND");
        assertThat(partner.get(CUSTOMERS + "/find-by-email").field()).isEqualTo("email");
    }

    @Test
    void putChangesOnlyTheFieldsSent() {
        String uuid = createInitech();
        JsonNode before = ok(partner.get(CUSTOMERS + "/" + uuid)).data();

        Reply reply = ok(partner.put(CUSTOMERS + "/" + uuid, "{\"phone\":null,\"contacts\":[],\"uuid\":\"x\",\"vatNumber\":\"GB1\"}"));

        assertThat(reply.data().get("phone").isNull()).isTrue();
        assertThat(reply.data().get("contacts")).isEmpty();
        assertThat(reply.data().get("customer")).isEqualTo(before.get("customer"));
        assertThat(reply.data().get("addresses")).isEqualTo(before.get("addresses"));
        assertThat(reply.data().get("uuid").asText()).isEqualTo(uuid);
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("reason")).containsExactly("internal_only", "unknown_field");
    }

    @Test
    void anUpdateKeepsEmailsUniqueButACustomerMayKeepItsOwn() {
        String uuid = createInitech();

        Reply taken = partner.put(CUSTOMERS + "/" + uuid, "{\"email\":\"accounts@globex.example\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("DUPLICATE_EMAIL");

        assertThat(ok(partner.put(CUSTOMERS + "/" + uuid, "{\"email\":\"AP@initech.example\"}")).dataText("email"))
                .isEqualTo("AP@initech.example");
        assertThat(ok(partner.put(CUSTOMERS + "/" + uuid, "{\"customer\":\"Initech Ltd\"}")).dataText("customer"))
                .isEqualTo("Initech Ltd");
    }

    @Test
    void invoicesKeepTheCustomerAsItWasWhenTheyWereWritten() {
        String uuid = createInitech();
        String invoice = created(partner.post("/partners/invoices", Bodies.invoice(uuid, Bodies.CONSULTING))).dataText("uuid");

        ok(partner.put(CUSTOMERS + "/" + uuid, "{\"customer\":\"Initech Ltd\"}"));

        assertThat(invoice(invoice).dataText("customerName")).isEqualTo("Initech");
        assertThat(created(partner.post("/partners/invoices", Bodies.invoice(uuid, Bodies.CONSULTING))).dataText("customerName"))
                .isEqualTo("Initech Ltd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                                          | customer",
            "{\"customer\":\"  \"}                                       | customer",
            "{\"customer\":7}                                            | customer",
            "{\"customer\":\"X\",\"email\":\"not-an-email\"}             | email",
            "{\"customer\":\"X\",\"addresses\":{}}                       | addresses",
            "{\"customer\":\"X\",\"addresses\":[{\"type\":\"home\"}]}    | addresses[0].type",
            "{\"customer\":\"X\",\"addresses\":[{\"city\":1}]}           | addresses[0].city",
            "{\"customer\":\"X\",\"contacts\":[{\"email\":\"a@b.example\"}]} | contacts[0].name",
            "{\"customer\":\"X\",\"contacts\":[{\"name\":\"A\",\"email\":\"nope\"}]} | contacts[0].email",
            "[1]                                                         | body"})
    void badCustomersAreRefusedNamingTheField(String body, String field) {
        Reply reply = partner.post(CUSTOMERS, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.field()).isEqualTo(field);
        assertThat(ok(partner.get(CUSTOMERS)).records()).hasSize(2);
    }

    @Test
    void aBadUpdateChangesNothing() {
        String uuid = createInitech();
        JsonNode before = ok(partner.get(CUSTOMERS + "/" + uuid)).data();

        assertThat(partner.put(CUSTOMERS + "/" + uuid, "{\"customer\":null}").field()).isEqualTo("customer");
        assertThat(partner.put(CUSTOMERS + "/" + uuid, "{\"email\":\"x\"}").field()).isEqualTo("email");

        assertThat(ok(partner.get(CUSTOMERS + "/" + uuid)).data()).isEqualTo(before);
    }

    @Test
    void theListSearchesOrdersAndPages() {
        createInitech();
        created(partner.post(CUSTOMERS, "{\"customer\":\"beta Corp\"}"));

        assertThat(ok(partner.get(CUSTOMERS)).recordTexts("customer"))
                .containsExactly("Acme Trading Ltd", "Globex Services", "Initech", "beta Corp");
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
            assertThat(refused.field()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void unknownCustomersAreNotFound() {
        assertThat(partner.get(CUSTOMERS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(partner.put(CUSTOMERS + "/" + UUID.randomUUID(), "{\"customer\":\"X\"}").status()).isEqualTo(404);
        assertThat(partner.get(CUSTOMERS + "/acme").field()).isEqualTo("uuid");
    }
}
