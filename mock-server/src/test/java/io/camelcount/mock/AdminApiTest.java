package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of /__admin/count, as a test or a partner's script calls it. */
class AdminApiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String INITECH = "7e57a11a-0000-4000-8000-0000000000a1";
    private static final String INITECH_CUSTOMER = "7e57a11a-0000-4000-8000-0000000000c1";
    private static final String AUDIT = "7e57a11a-0000-4000-8000-0000000000b1";
    private static final String SEEDED_INVOICE = "7e57a11a-0000-4000-8000-0000000000d1";
    private static final String SEEDED_SENT_INVOICE = "7e57a11a-0000-4000-8000-0000000000d2";
    private static final String SEED = """
            {"partnerApps": [{"clientId": "crm", "clientSecret": "crm-secret"}],
             "workspaces": [{"uuid": "%s", "name": "Initech", "currency": "EUR",
               "customers": [{"uuid": "%s", "name": "Initech Accounts", "email": "ap@initech.example"}],
               "products": [{"uuid": "%s", "name": "Audit", "unitPrice": 900, "categoryAccountUuid": "c4a1e2d3-0000-4000-8000-0000000000a1"}],
               "tags": [{"uuid": "7e57a11a-0000-4000-8000-0000000000e1", "name": "Q4"}],
               "accessGrants": [{"clientId": "crm", "accessToken": "crm-access", "refreshToken": "crm-refresh"}],
               "invoices": [
                 {"uuid": "%s", "customerUuid": "%s", "date": "2026-11-01", "products": [{"productUuid": "%s", "quantity": 1, "price": 900}]},
                 {"uuid": "%s", "customerUuid": "%s", "date": "2026-11-02", "dueDate": "2026-11-20", "sent": true,
                  "products": [{"productUuid": "%s", "quantity": 2, "unitPrice": 900}]}]}]}
            """.formatted(INITECH, INITECH_CUSTOMER, AUDIT, SEEDED_INVOICE, INITECH_CUSTOMER, AUDIT,
            SEEDED_SENT_INVOICE, INITECH_CUSTOMER, AUDIT);

    private final MockClock clock = MockClock.fixed(NOW);
    private CountMockServer server;
    private PartnerClient partner;
    private AdminClient admin;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(clock).rateLimit(5).start();
        partner = new PartnerClient(server);
        admin = new AdminClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isBetween(200, 201);
        assertThat(reply.json().get("status").asText()).isEqualTo("success");
        return reply.data();
    }

    private static void assertRefused(Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).contains(field);
    }

    private PartnerClient crm() {
        return new PartnerClient(server.baseUrl(), clock, "crm", "crm-secret", "crm-access");
    }

    @Test
    void resetGoesBackToTheStartingSeed() {
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
        partner.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"demo-refresh-token\"}").token(null).send();
        ok(admin.post("/seed", SEED));
        ok(admin.post("/faults", "{\"kind\":\"serverError\",\"path\":\"/nowhere\"}"));

        JsonNode state = ok(admin.post("/reset", null));

        assertThat(state.get("workspaces")).hasSize(1);
        assertThat(state.get("workspaces").get(0).get("invoices")).isEmpty();
        assertThat(state.get("partnerApps")).extracting(JsonNode::asText).containsExactly("demo-client");
        assertThat(ok(admin.get("/faults")).get("faults")).isEmpty();
        assertThat(partner.get("/partners/invoices/" + uuid).status()).isEqualTo(404);
        assertThat(partner.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"demo-refresh-token\"}").token(null).send().status())
                .as("the demo refresh token is back").isEqualTo(200);
        assertThat(crm().get("/partners/invoices/" + SEEDED_INVOICE).status()).isEqualTo(401);
    }

    @Test
    void resetLeavesTheClockAlone() {
        ok(admin.post("/clock/advance", "{\"duration\":\"P1D\"}"));

        ok(admin.post("/reset", null));

        assertThat(ok(admin.get("/clock")).get("now").asText()).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void seedAddsAppsWorkspacesAndInvoicesThatThePartnerApiServes() {
        JsonNode seeded = ok(admin.post("/seed", SEED));

        JsonNode workspace = seeded.get("workspaces").get(0);
        assertThat(workspace.get("uuid").asText()).isEqualTo(INITECH);
        assertThat(workspace.get("invoices")).hasSize(2);
        Reply draft = crm().get("/partners/invoices/" + SEEDED_INVOICE);
        assertThat(draft.status()).as(draft.text()).isEqualTo(200);
        assertThat(draft.dataText("status")).isEqualTo("draft");
        assertThat(draft.dataText("currency")).isEqualTo("EUR");
        assertThat(draft.data().get("total").asInt()).isEqualTo(900);
        Reply sent = crm().get("/partners/invoices/" + SEEDED_SENT_INVOICE);
        assertThat(sent.dataText("status")).as("sent, and due before today").isEqualTo("overdue");
        assertThat(sent.data().get("isSent").asBoolean()).isTrue();
        assertThat(workspace.get("outbox").get(0).get("recipients").get(0).asText()).isEqualTo("ap@initech.example");
        assertThat(partner.get("/partners/invoices/" + SEEDED_INVOICE).status())
                .as("another workspace's invoice is not found").isEqualTo(404);
    }

    @Test
    void aSeedGrantsTheConsentPageTheSeededWorkspace() {
        ok(admin.post("/seed", SEED));

        Reply initiated = admin.get("/auth2/authorize-intiate?clientId=crm&redirectUri=https://crm.example/cb");
        String location = admin.fetch(initiated.dataText("redirectUri")).header("Location");
        String code = location.substring(location.indexOf("code=") + 5);
        Reply granted = crm().call("POST", "/partners/grant-access-token")
                .body("{\"grantType\":\"authorization_code\",\"code\":\"" + code + "\"}").token(null).send();

        assertThat(granted.data().get("result").get("workspaceName").asText()).isEqualTo("Initech");
    }

    @Test
    void aClashingSeedIsRefusedAndChangesNothing() {
        ok(admin.post("/seed", SEED));

        Reply again = admin.post("/seed", SEED.replace("\"name\": \"Initech\"", "\"name\": \"Initech again\""));
        assertRefused(again, 409, "seed_conflict", "workspaces[0].uuid");

        Reply otherSecret = admin.post("/seed", "{\"partnerApps\":[{\"clientId\":\"demo-client\",\"clientSecret\":\"x\"}]}");
        assertRefused(otherSecret, 409, "seed_conflict", "partnerApps[0]");
        assertThat(otherSecret.text()).doesNotContain("demo-secret");

        Reply takenToken = admin.post("/seed", "{\"workspaces\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f1\",\"name\":\"X\","
                + "\"accessGrants\":[{\"clientId\":\"demo-client\",\"accessToken\":\"demo-access-token\",\"refreshToken\":\"new\"}]}]}");
        assertRefused(takenToken, 409, "seed_conflict", "workspaces[0].accessGrants[0]");
        assertThat(ok(admin.get("/state")).get("workspaces")).hasSize(2);
    }

    @Test
    void aSeedWithABadInvoiceIsRefusedWhole() {
        String badProduct = SEED.replace("\"quantity\": 1", "\"quantity\": 0");

        Reply refused = admin.post("/seed", badProduct);

        assertRefused(refused, 400, "validation_failed", "workspaces[0].invoices[0].products[0].quantity");
        JsonNode state = ok(admin.get("/state"));
        assertThat(state.get("workspaces")).hasSize(1);
        assertThat(state.get("partnerApps")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"workspace\":[]}|workspace",
            "{\"workspaces\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f1\"}]}|workspaces[0].name",
            "{\"workspaces\":[{\"uuid\":\"nope\",\"name\":\"X\"}]}|workspaces[0].uuid",
            "{\"workspaces\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f1\",\"name\":\"X\",\"customers\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f2\"}]}]}|workspaces[0].customers[0]",
            "{\"workspaces\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f1\",\"name\":\"X\",\"tags\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f2\",\"name\":\"t\",\"colour\":\"red\"}]}]}|workspaces[0].tags[0]",
            "{\"workspaces\":[{\"uuid\":\"7e57a11a-0000-4000-8000-0000000000f1\",\"name\":\"X\",\"accessGrants\":[{\"clientId\":\"nobody\",\"accessToken\":\"a\",\"refreshToken\":\"r\"}]}]}|workspaces[0].accessGrants[0].clientId",
            "[1,2]|seed",
            "{\"partnerApps\":{}}|partnerApps"})
    void malformedSeedsNameTheirProblem(String seed, String field) {
        Reply reply = admin.post("/seed", seed);

        assertRefused(reply, 400, "validation_failed", field);
        assertThat(reply.message()).startsWith(field + ": ");
    }

    @Test
    void stateShowsWorkspacesInvoicesAsThePartnerApiDoesAndTheOutbox() {
        Reply created = partner.post("/partners/invoices", Bodies.invoice().replace("{", "{\"isDraft\":false,"));
        partner.post("/partners/invoices/" + created.dataText("id") + "/send", null);

        JsonNode state = ok(admin.get("/state"));

        assertThat(state.get("now").asText()).isEqualTo("2026-11-24T10:00:00Z");
        JsonNode demo = state.get("workspaces").get(0);
        assertThat(demo.get("uuid").asText()).isEqualTo(DemoWorkspace.WORKSPACE_UUID.toString());
        assertThat(demo.get("name").asText()).isEqualTo("Demo Workspace");
        assertThat(demo.get("currency").asText()).isEqualTo("GBP");
        assertThat(demo.get("invoices").get(0)).isEqualTo(partner.get("/partners/invoices/" + created.dataText("id")).data());
        assertThat(demo.get("outbox").get(0).get("invoiceNumber").asText()).isEqualTo("INV-0001");
        assertThat(admin.get("/state").text()).doesNotContain("demo-secret", "demo-access-token", "demo-refresh-token");
    }

    @Test
    void theClockCanBeReadSetAndAdvanced() {
        assertThat(ok(admin.get("/clock")).get("now").asText()).isEqualTo("2026-11-24T10:00:00Z");

        assertThat(ok(admin.put("/clock", "{\"now\":\"2027-01-01T00:00:00Z\"}")).get("today").asText()).isEqualTo("2027-01-01");
        assertThat(ok(admin.post("/clock/advance", "{\"seconds\":90}")).get("now").asText()).isEqualTo("2027-01-01T00:01:30Z");
        assertThat(ok(admin.post("/clock/advance", "{\"duration\":\"P3D\"}")).get("now").asText()).isEqualTo("2027-01-04T00:01:30Z");
        assertThat(server.clock().instant()).isEqualTo(Instant.parse("2027-01-04T00:01:30Z"));
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).dataText("createdAt"))
                .as("a partner signing with the mock's time is in the window").isEqualTo("2027-01-04T00:01:30Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST|/clock/advance|{\"seconds\":-5}|seconds",
            "POST|/clock/advance|{\"duration\":\"-PT1H\"}|duration",
            "POST|/clock/advance|{\"duration\":\"three days\"}|duration",
            "POST|/clock/advance|{\"seconds\":5,\"duration\":\"PT5S\"}|body",
            "POST|/clock/advance|{}|body",
            "POST|/clock/advance|{\"minutes\":5}|minutes",
            "PUT|/clock|{\"now\":\"tomorrow\"}|now",
            "PUT|/clock|{}|now",
            "PUT|/clock|not json|body"})
    void badClockRequestsNameTheirProblem(String method, String path, String body, String field) {
        assertRefused(admin.send(method, path, body), 400, "validation_failed", field);
        assertThat(server.clock().instant()).isEqualTo(NOW);
    }

    @Test
    void theOutboxListsSentEmailsOptionallyOfOneWorkspace() {
        ok(admin.post("/seed", SEED));
        String uuid = partner.post("/partners/invoices", Bodies.invoice().replace("{", "{\"isDraft\":false,")).dataText("id");
        partner.call("POST", "/partners/invoices/" + uuid + "/send").body("{\"recipients\":[\"boss@acme.example\"],\"cc\":[\"cc@acme.example\"]}").send();

        JsonNode all = ok(admin.get("/outbox"));
        JsonNode demoOnly = ok(admin.get("/outbox?workspaceId=" + DemoWorkspace.WORKSPACE_UUID));

        assertThat(all.get("emails")).hasSize(2);
        assertThat(demoOnly.get("emails")).hasSize(1);
        JsonNode email = demoOnly.get("emails").get(0);
        assertThat(email.get("invoiceUuid").asText()).isEqualTo(uuid);
        assertThat(email.get("recipients").get(0).asText()).isEqualTo("boss@acme.example");
        assertThat(email.get("cc").get(0).asText()).isEqualTo("cc@acme.example");
        assertThat(email.get("sentAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(email.get("attachPdf").asBoolean()).isTrue();
        assertRefused(admin.get("/outbox?workspaceId=7e57a11a-0000-4000-8000-0000000000ff"), 404, "not_found", "workspaceId");
    }

    @Test
    void aRecordedPaymentMakesTheInvoicePartialThenPaid() {
        ok(admin.post("/seed", SEED));

        JsonNode partial = ok(admin.post("/payments", "{\"invoiceUuid\":\"" + SEEDED_SENT_INVOICE + "\",\"amount\":500.50}"));
        assertThat(partial.get("status").asText()).isEqualTo("partial");
        assertThat(partial.get("balanceDue").decimalValue()).isEqualByComparingTo("1299.50");

        assertRefused(admin.post("/payments", "{\"invoiceUuid\":\"" + SEEDED_SENT_INVOICE + "\",\"amount\":2000}"),
                400, "payment_exceeds_balance", "amount");
        JsonNode paid = ok(admin.post("/payments", "{\"workspaceId\":\"" + INITECH + "\",\"invoiceUuid\":\""
                                                   + SEEDED_SENT_INVOICE + "\"}"));
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("balanceDue").decimalValue()).isZero();
    }

    @Test
    void aPaymentNeedsAnInvoiceThatExists() {
        assertRefused(admin.post("/payments", "{}"), 400, "validation_failed", "invoiceUuid");
        assertRefused(admin.post("/payments", "{\"invoiceUuid\":\"7e57a11a-0000-4000-8000-0000000000ff\"}"),
                404, "not_found", "invoiceUuid");
    }

    @Test
    void expiringAWorkspacesTokensMakesTheNextCallAnswerTokenExpired() {
        ok(admin.post("/seed", SEED));

        JsonNode expired = ok(admin.post("/tokens/expire", "{\"workspaceId\":\"" + DemoWorkspace.WORKSPACE_UUID + "\"}"));

        assertThat(expired.get("expired").asInt()).isEqualTo(1);
        Reply reply = partner.get("/partners/invoices/" + SEEDED_INVOICE);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("token_expired");
        assertThat(crm().get("/partners/invoices/" + SEEDED_INVOICE).status()).as("other workspaces keep theirs").isEqualTo(200);
        Reply refreshed = partner.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"demo-refresh-token\"}").token(null).send();
        assertThat(refreshed.status()).as("the refresh token still works").isEqualTo(200);
    }

    @Test
    void expiringAClientsTokens() {
        ok(admin.post("/seed", SEED));

        assertThat(ok(admin.post("/tokens/expire", "{\"clientId\":\"crm\"}")).get("expired").asInt()).isEqualTo(1);

        assertThat(crm().get("/partners/invoices/" + SEEDED_INVOICE).code()).isEqualTo("token_expired");
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        assertThat(ok(admin.post("/tokens/expire", "{\"clientId\":\"crm\",\"workspaceId\":\"" + INITECH + "\"}"))
                .get("expired").asInt()).as("already expired").isZero();
    }

    @Test
    void expiringNeedsToKnowWhose() {
        assertRefused(admin.post("/tokens/expire", "{}"), 400, "validation_failed", "body");
        assertRefused(admin.post("/tokens/expire", "{\"clientId\":\"nobody\"}"), 404, "not_found", "clientId");
        assertRefused(admin.post("/tokens/expire", "{\"workspaceId\":\"nope\"}"), 400, "validation_failed", "workspaceId");
    }

    @Test
    void faultsAreAddedListedAndRemoved() {
        JsonNode added = ok(admin.post("/faults", "{\"method\":\"POST\",\"path\":\"/partners/invoices\",\"kind\":\"delay\","
                + "\"delayMillis\":50,\"times\":2,\"seed\":7}"));
        assertThat(added.get("id").asText()).isEqualTo("fault-1");
        assertThat(added.get("kind").asText()).isEqualTo("delay");
        assertThat(added.get("delayMillis").asInt()).isEqualTo(50);
        assertThat(added.get("remaining").asInt()).isEqualTo(2);

        partner.post("/partners/invoices", Bodies.invoice());
        JsonNode listed = ok(admin.get("/faults")).get("faults").get(0);
        assertThat(listed.get("hits").asInt()).isEqualTo(1);
        assertThat(listed.get("remaining").asInt()).isEqualTo(1);
        assertThat(listed.get("seed").asLong()).isEqualTo(7);

        assertThat(ok(admin.delete("/faults")).get("faults")).isEmpty();
        assertThat(ok(admin.get("/faults")).get("faults")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|kind",
            "{\"kind\":\"explode\"}|kind",
            "{\"kind\":\"serverError\",\"status\":404}|status",
            "{\"kind\":\"delay\",\"delayMillis\":600000}|delayMillis",
            "{\"kind\":\"serverError\",\"probability\":0}|probability",
            "{\"kind\":\"serverError\",\"probability\":1.5}|probability",
            "{\"kind\":\"serverError\",\"times\":0}|times",
            "{\"kind\":\"serverError\",\"path\":\"/partners/(\"}|path",
            "{\"kind\":\"serverError\",\"seed\":9007199254740993}|seed",
            "{\"kind\":\"serverError\",\"when\":\"now\"}|when"})
    void badFaultsNameTheirProblem(String fault, String field) {
        assertRefused(admin.post("/faults", fault), 400, "validation_failed", field);
        assertThat(ok(admin.get("/faults")).get("faults")).isEmpty();
    }

    @Test
    void theAdminApiIsNeitherSignedNorRateLimited() {
        for (int i = 0; i < 10; i++) {
            Reply reply = admin.get("/clock");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("X-RateLimit-Limit")).isNull();
        }
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).header("X-RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void clockAdvanceThroughTheAdminApiMovesTokenExpiry() {
        String accessToken = partner.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"demo-refresh-token\"}").token(null).send()
                .data().get("result").get("accessToken").asText();
        PartnerClient rotated = new PartnerClient(server.baseUrl(), clock, DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET, accessToken);

        ok(admin.post("/clock/advance", "{\"duration\":\"" + Duration.ofHours(1) + "\"}"));

        assertThat(rotated.post("/partners/invoices", Bodies.invoice()).code()).isEqualTo("token_expired");
    }
}
