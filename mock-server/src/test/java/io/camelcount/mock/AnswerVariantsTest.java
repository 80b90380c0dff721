package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With variants on, each answer takes one of the forms COUNT's live routes are known to use (contract §2
 * "Variants", §1.2), chosen by the seed so that a run repeats; the data are the same in every form.
 */
class AnswerVariantsTest extends DemoWorkspaceTest {

    static final long SEED = 20261202;
    private static final String TEMPLATES = "/partners/recurring-invoice-templates";
    private static final String TEMPLATE = "{\"customerUuid\":\"" + Bodies.ACME + "\",\"date\":\"2026-12-01\","
            + "\"products\":[{\"productUuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":500}],"
            + "\"recurrencePattern\":\"monthly\"}";
    /** Enough requests for every form of a two- or three-way choice to turn up under {@link #SEED}. */
    private static final int ASKS = 24;

    @Override
    CountMockServer.Builder configure(CountMockServer.Builder builder) {
        return builder.variants(SEED);
    }

    @Test
    void aPageNamesItsArrayAsRecordsOrAfterTheResourceAndCarriesAllSomeOrNoneOfItsCounts() {
        List<String> invoices = List.of(invoiceUuid(), invoiceUuid(), invoiceUuid());
        Set<String> forms = new LinkedHashSet<>();
        for (int i = 0; i < ASKS; i++) {
            Reply reply = ok(partner.get("/partners/invoices?limit=2"));
            JsonNode data = reply.data();
            forms.add(form(reply));
            assertThat(ids(records(data, "invoices"))).as(reply.text()).isEqualTo(invoices.subList(0, 2));
            assertThat(data.get("page").asInt()).isEqualTo(1);
            assertThat(data.get("limit").asInt()).isEqualTo(2);
            if (data.has("totalRecords")) {
                assertThat(data.get("totalRecords").asInt()).isEqualTo(3);
            }
            if (data.has("totalPages")) {
                assertThat(data.has("totalRecords")).as("totalPages comes only with totalRecords").isTrue();
                assertThat(data.get("totalPages").asInt()).isEqualTo(2);
            }
        }
        assertThat(forms).containsExactlyInAnyOrder("records", "records+totalRecords", "records+totalRecords+totalPages",
                "invoices", "invoices+totalRecords", "invoices+totalRecords+totalPages");
    }

    @Test
    void everyListNamesItsArrayAfterItsOwnResource() {
        created(partner.post(TEMPLATES, TEMPLATE));
        assertThat(arrayNames("/partners/invoices")).containsExactlyInAnyOrder("records", "invoices");
        assertThat(arrayNames(TEMPLATES + "?isDraft=all")).containsExactlyInAnyOrder("records", "recurringInvoiceTemplates");
        assertThat(arrayNames("/partners/customers")).containsExactlyInAnyOrder("records", "customers");
        assertThat(arrayNames("/partners/products")).containsExactlyInAnyOrder("records", "products");
        assertThat(arrayNames("/partners/tags")).containsExactlyInAnyOrder("records", "tags");
    }

    @Test
    void aSingleResourceIsDataOrUnderItsNameWithTheSameContent() {
        String invoice = invoiceUuid();
        String template = one(created(partner.post(TEMPLATES, TEMPLATE)).data(), "recurringInvoiceTemplate").get("id").asText();
        JsonNode first = null;
        Set<String> invoiceForms = new LinkedHashSet<>();
        Set<String> templateForms = new LinkedHashSet<>();
        Set<String> customerForms = new LinkedHashSet<>();
        for (int i = 0; i < ASKS; i++) {
            Reply reply = ok(partner.get("/partners/invoices/" + invoice));
            invoiceForms.add(form(reply));
            JsonNode object = one(reply.data(), "invoice");
            first = first == null ? object : first;
            assertThat(object).as(reply.text()).isEqualTo(first);
            assertThat(object.get("id").asText()).isEqualTo(invoice);

            Reply templateReply = ok(partner.get(TEMPLATES + "/" + template));
            templateForms.add(form(templateReply));
            assertThat(one(templateReply.data(), "recurringInvoiceTemplate").get("recurrencePattern").asText()).isEqualTo("monthly");

            Reply customer = ok(partner.get("/partners/customers/" + Bodies.ACME));
            customerForms.add(form(customer));
            assertThat(one(customer.data(), "customer").get("customer").asText()).isEqualTo("Acme Trading Ltd");
        }
        assertThat(invoiceForms).containsExactlyInAnyOrder("data", "data.invoice");
        assertThat(templateForms).containsExactlyInAnyOrder("data", "data.recurringInvoiceTemplate");
        assertThat(customerForms).containsExactlyInAnyOrder("data", "data.customer");
    }

    @Test
    void actionsAnswerTheResourceInEitherFormToo() {
        Set<String> forms = new LinkedHashSet<>();
        for (int i = 0; i < ASKS / 2; i++) {
            Reply createdReply = created(partner.post("/partners/invoices", Bodies.invoice()));
            forms.add(form(createdReply));
            String uuid = one(createdReply.data(), "invoice").get("id").asText();
            Reply approved = ok(partner.patch("/partners/invoices/" + uuid + "/approve"));
            forms.add(form(approved));
            assertThat(one(approved.data(), "invoice").get("status").asText()).isEqualTo("approved");
        }
        assertThat(forms).containsExactlyInAnyOrder("data", "data.invoice");
    }

    @Test
    void anErrorCarriesItsMachineCodeInErrorCodeOrInError() {
        Set<String> forms = new LinkedHashSet<>();
        for (int i = 0; i < ASKS; i++) {
            String unknown = UUID.randomUUID().toString();
            Reply reply = partner.get("/partners/invoices/" + unknown);
            reply.assertErrorEnvelope(404);
            forms.add(form(reply));
            assertThat(reply.machineCode()).isEqualTo("not_found");
            assertThat(reply.json().has("errorCode") && reply.json().has("error")).as("one place, not both").isFalse();
            assertThat(reply.message()).contains(unknown);

            Reply badSignature = partner.call("GET", "/partners/invoices").secret("wrong-secret").send();
            badSignature.assertErrorEnvelope(401);
            forms.add(form(badSignature));
            assertThat(badSignature.machineCode()).isEqualTo("invalid_signature");
        }
        assertThat(forms).containsExactlyInAnyOrder("404 errorCode", "404 error", "401 errorCode", "401 error");
    }

    @Test
    void aRateLimitedAnswerKeepsItsTypeAndHeadersInEitherForm() {
        created(new AdminClient(server).post("/faults", "{\"method\":\"GET\",\"path\":\"/partners/invoices\",\"kind\":\"rateLimit\","
                + "\"retryAfterSeconds\":3}"));
        Set<String> forms = new LinkedHashSet<>();
        for (int i = 0; i < ASKS; i++) {
            Reply reply = partner.get("/partners/invoices");
            reply.assertErrorEnvelope(429);
            forms.add(form(reply));
            assertThat(reply.machineCode()).isEqualTo("rate_limited");
            assertThat(reply.json().get("type").asText()).isEqualTo("RATE_LIMITED");
            assertThat(reply.header("Retry-After")).isEqualTo("3");
        }
        assertThat(forms).containsExactlyInAnyOrder("429 errorCode", "429 error");
    }

    @Test
    void anExpiredAccessTokenTakesEachKnownForm() {
        ok(new AdminClient(server).post("/tokens/expire", "{\"clientId\":\"" + DemoWorkspace.CLIENT_ID + "\"}"));
        Set<String> forms = new LinkedHashSet<>();
        for (int i = 0; i < ASKS; i++) {
            Reply reply = partner.get("/partners/invoices");
            JsonNode body = reply.json();
            String form = form(reply);
            forms.add(form);
            switch (form) {
                case "401 errorCode" -> {
                    reply.assertErrorEnvelope(401);
                    assertThat(body.get("errorCode").asText()).isEqualTo("token_expired");
                    assertThat(body.get("error").asText()).isEqualTo("invalid_token");
                    assertThat(body.get("error_description").asText()).isEqualTo("The access token expired");
                    assertThat(body.get("message").asText()).isEqualTo("The access token expired");
                }
                case "401 bearer error only" -> {
                    assertThat(body.toString()).isEqualTo(
                            "{\"error\":\"invalid_token\",\"error_description\":\"The access token expired\"}");
                    assertThat(reply.requestId()).isNotBlank();
                }
                case "403 no code" -> {
                    reply.assertErrorEnvelope(403);
                    assertThat(body.get("message").asText()).isEqualTo("Invalid access token.");
                }
                default -> throw new AssertionError("Not a known form of an expired token: " + reply.status() + " " + reply.text());
            }
        }
        assertThat(forms).containsExactlyInAnyOrder("401 errorCode", "401 bearer error only", "403 no code");
    }

    @Test
    void theSameSeedRepeatsTheSameFormsAndAnotherSeedDoesNot() {
        List<String> first = script(partner);
        server.reset();
        assertThat(script(partner)).as("after a reset, as the mock started").isEqualTo(first);

        try (CountMockServer same = CountMockServer.builder().port(0).clock(MockClock.fixed(START)).rateLimit(0).variants(SEED).start();
             CountMockServer other = CountMockServer.builder().port(0).clock(MockClock.fixed(START)).rateLimit(0).variants(SEED + 1).start()) {
            assertThat(script(new PartnerClient(same))).isEqualTo(first);
            assertThat(script(new PartnerClient(other))).isNotEqualTo(first);
        }
    }

    @Test
    void theAdminApiShowsTheSeed() {
        Reply variants = ok(new AdminClient(server).get("/variants"));
        assertThat(variants.data().toString()).isEqualTo("{\"enabled\":true,\"seed\":" + SEED + "}");
    }

    /** The forms of a fixed run: creates, reads, lists and refusals. */
    private static List<String> script(PartnerClient client) {
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Reply createdReply = client.post("/partners/invoices", Bodies.invoice());
            forms.add(form(createdReply));
            String uuid = one(createdReply.data(), "invoice").get("id").asText();
            forms.add(form(client.get("/partners/invoices/" + uuid)));
            forms.add(form(client.get("/partners/invoices")));
            forms.add(form(client.get("/partners/invoices/" + UUID.randomUUID())));
        }
        return forms;
    }

    private String invoiceUuid() {
        return one(created(partner.post("/partners/invoices", Bodies.invoice())).data(), "invoice").get("id").asText();
    }

    private Set<String> arrayNames(String path) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < ASKS; i++) {
            JsonNode data = ok(partner.get(path)).data();
            data.fieldNames().forEachRemaining(name -> {
                if (data.get(name).isArray()) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    /** Which form an answer took, named for the assertions. */
    static String form(Reply reply) {
        JsonNode json = reply.json();
        if (reply.status() >= 400) {
            if (!json.has("status")) {
                return reply.status() + " bearer error only";
            }
            return reply.status() + (json.has("errorCode") ? " errorCode" : json.has("error") ? " error" : " no code");
        }
        JsonNode data = json.get("data");
        if (data.has("page")) {
            StringBuilder form = new StringBuilder();
            data.fieldNames().forEachRemaining(name -> {
                if (data.get(name).isArray()) {
                    form.append(name);
                }
            });
            return form.append(data.has("totalRecords") ? "+totalRecords" : "").append(data.has("totalPages") ? "+totalPages" : "")
                    .toString();
        }
        return nested(data) ? "data." + data.fieldNames().next() : "data";
    }

    /** Whether {@code data} holds nothing but the resource under its name ({@code data.invoice}). */
    private static boolean nested(JsonNode data) {
        return data.size() == 1 && data.elements().next().isObject();
    }

    /** A single resource wherever its form put it. */
    static JsonNode one(JsonNode data, String resource) {
        return nested(data) ? data.get(resource) : data;
    }

    /** A page's records wherever its form put them. */
    static JsonNode records(JsonNode data, String resource) {
        return data.has("records") ? data.get("records") : data.get(resource);
    }

    private static List<String> ids(JsonNode records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(record.get("id").asText()));
        return ids;
    }
}
