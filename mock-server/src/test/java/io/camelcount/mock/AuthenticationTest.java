package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.auth.RequestSignature;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-000000000002");
    private static final UUID OTHER_CUSTOMER = UUID.fromString("7e57a11a-0000-4000-8000-0000000000c1");
    private static final UUID OTHER_PRODUCT = UUID.fromString("7e57a11a-0000-4000-8000-0000000000b1");
    /** The invoice body as a careless client writes it: spaced out, amounts with trailing zeros. */
    private static final String LOOSE_INVOICE = "{ \"customerUuid\": \"" + Bodies.ACME + "\", \"date\": \"2026-11-24\","
            + " \"products\": [ { \"productUuid\": \"" + Bodies.CONSULTING + "\", \"quantity\": 2.0, \"unitPrice\": 120.00 } ] }";
    private static final String LOOSE_INVOICE_CANONICAL = "{\"customerUuid\":\"" + Bodies.ACME + "\",\"date\":\"2026-11-24\","
            + "\"products\":[{\"productUuid\":\"" + Bodies.CONSULTING + "\",\"quantity\":2,\"unitPrice\":120}]}";

    private final MockClock clock = MockClock.fixed(NOW);
    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = start(false);
        partner = new PartnerClient(server);
    }

    private CountMockServer start(boolean strict) {
        return CountMockServer.builder().port(0).clock(clock).strictSigning(strict)
                .partnerApp("other-client", "other-secret")
                .workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                        .customer(new Customer(OTHER_CUSTOMER, "Initech", "ap@initech.example"))
                        .product(new Product(OTHER_PRODUCT, "Audit", new BigDecimal("900"), UUID.randomUUID()))
                        .accessGrant("other-client", "other-access-token", "other-refresh-token")
                        .build())
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String someInvoice() {
        return partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
    }

    private static void assertRefused(Reply reply, String code) {
        reply.assertErrorEnvelope(401);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).doesNotContain(DemoWorkspace.CLIENT_SECRET, DemoWorkspace.ACCESS_TOKEN, "other-access-token");
    }

    @Test
    void tamperedBodyIsRefused() {
        Reply reply = partner.call("POST", "/partners/invoices")
                .body(Bodies.invoice().replace("\"quantity\":2", "\"quantity\":200"))
                .signedBody(Bodies.invoice())
                .send();

        assertRefused(reply, "invalid_signature");
        assertThat(server.demoWorkspace().invoices()).isEmpty();
    }

    @Test
    void wrongSecretIsRefusedWithoutEchoingAnySignature() {
        PartnerClient.Call call = partner.call("POST", "/partners/invoices").body(Bodies.invoice()).secret("not-the-secret");
        Reply reply = call.send();

        assertRefused(reply, "invalid_signature");
        String expected = RequestSignature.hmacSha256Hex(DemoWorkspace.CLIENT_SECRET, "POST:/invoices:" + NOW.getEpochSecond()
                + ":" + RequestSignature.sha256Hex(Bodies.invoice().getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.text()).doesNotContain(call.computedSignature(), expected);
        assertThat(reply.message()).contains("POST:/invoices:" + NOW.getEpochSecond() + ":");
    }

    @Test
    void missingBearerIsRefused() {
        Reply reply = partner.call("GET", "/partners/invoices/" + someInvoice()).without("Authorization").send();

        assertRefused(reply, "invalid_token");
        assertThat(reply.message()).contains("Authorization: Bearer");
    }

    @Test
    void unknownBearerIsRefused() {
        assertRefused(partner.call("GET", "/partners/invoices/" + someInvoice()).token("made-up-token").send(), "invalid_token");
    }

    @Test
    void bearerIssuedToAnotherClientIsRefused() {
        Reply reply = partner.call("GET", "/partners/invoices/" + someInvoice()).token("other-access-token").send();

        assertRefused(reply, "invalid_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-client-id", "x-timestamp", "x-signature"})
    void missingSignatureHeaderIsNamed(String header) {
        Reply reply = partner.call("POST", "/partners/invoices").body(Bodies.invoice()).without(header).send();

        assertRefused(reply, "missing_credentials");
        assertThat(reply.message()).startsWith("Missing header " + header + ":");
        assertThat(server.demoWorkspace().invoices()).isEmpty();
    }

    @Test
    void unknownClientIsRefused() {
        Reply reply = partner.call("GET", "/partners/invoices/" + someInvoice()).clientId("nobody").send();

        assertRefused(reply, "invalid_client");
        assertThat(reply.message()).contains("nobody");
    }

    @Test
    void timestampOutsideTheWindowIsRefusedAndTheEdgeIsAccepted() {
        String uuid = someInvoice();
        long now = NOW.getEpochSecond();

        assertRefused(partner.call("GET", "/partners/invoices/" + uuid).timestamp(Long.toString(now - 301)).send(), "invalid_timestamp");
        assertRefused(partner.call("GET", "/partners/invoices/" + uuid).timestamp(Long.toString(now + 301)).send(), "invalid_timestamp");
        assertThat(partner.call("GET", "/partners/invoices/" + uuid).timestamp(Long.toString(now - 300)).send().status()).isEqualTo(200);
        assertThat(partner.call("GET", "/partners/invoices/" + uuid).timestamp(Long.toString(now + 300)).send().status()).isEqualTo(200);
    }

    @Test
    void timestampFollowsTheMockClock() {
        String uuid = someInvoice();
        String signedAtStart = Long.toString(NOW.getEpochSecond());
        clock.set(NOW.plusSeconds(3600));

        assertRefused(partner.call("GET", "/partners/invoices/" + uuid).timestamp(signedAtStart).send(), "invalid_timestamp");
        assertThat(partner.get("/partners/invoices/" + uuid).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1714659912", "1714659912.5", "99999999999999999999"})
    void malformedTimestampIsRefused(String timestamp) {
        assertRefused(partner.call("GET", "/partners/invoices/" + someInvoice()).timestamp(timestamp).send(), "invalid_timestamp");
    }

    @Test
    void millisecondsTimestampIsAcceptedButNotInStrictMode() {
        String millis = Long.toString(NOW.toEpochMilli());
        assertThat(partner.call("POST", "/partners/invoices").body(Bodies.invoice()).timestamp(millis).send().status()).isEqualTo(201);
        assertRefused(partner.call("POST", "/partners/invoices").body(Bodies.invoice())
                .timestamp(Long.toString(NOW.minusSeconds(301).toEpochMilli())).send(), "invalid_timestamp");

        server.stop();
        server = start(true);
        partner = new PartnerClient(server);
        Reply strict = partner.call("POST", "/partners/invoices").body(Bodies.invoice()).timestamp(millis).send();
        assertRefused(strict, "invalid_timestamp");
        assertThat(strict.message()).contains("milliseconds");
    }

    @Test
    void canonicalReserialisationIsAcceptedButNotInStrictMode() {
        Reply reply = partner.call("POST", "/partners/invoices").body(LOOSE_INVOICE).signedBody(LOOSE_INVOICE_CANONICAL).send();
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.data().get("total").asInt()).isEqualTo(240);

        server.stop();
        server = start(true);
        partner = new PartnerClient(server);
        assertRefused(partner.call("POST", "/partners/invoices").body(LOOSE_INVOICE).signedBody(LOOSE_INVOICE_CANONICAL).send(),
                "invalid_signature");
        assertThat(server.demoWorkspace().invoices()).isEmpty();
    }

    @Test
    void smallReserialisationExampleFromTheContract() {
        String body = "{\"customerUuid\":\"" + Bodies.ACME + "\",\"date\":\"2026-11-24\",\"products\":[{\"productUuid\":\""
                + Bodies.CONSULTING + "\",\"quantity\":1,\"price\":250.00}]}";
        Reply reply = partner.call("POST", "/partners/invoices").body(body).signedBody(body.replace("250.00", "250")).send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.text()).contains("\"unitPrice\":250,\"amount\":250}");
    }

    @Test
    void nonCanonicalBodySignedAsSentIsAcceptedButStrictModeExplainsTheProblem() {
        assertThat(partner.call("POST", "/partners/invoices").body(LOOSE_INVOICE).send().status()).isEqualTo(201);

        server.stop();
        server = start(true);
        partner = new PartnerClient(server);
        Reply strict = partner.call("POST", "/partners/invoices").body(LOOSE_INVOICE).send();
        assertRefused(strict, "invalid_signature");
        assertThat(strict.message()).contains("JavaScript-canonical");
    }

    @Test
    void bodylessRequestMayBeSignedAsAnEmptyObjectButNotInStrictMode() {
        String uuid = someInvoice();
        Reply approved = partner.call("PATCH", "/partners/invoices/" + uuid + "/approve").signedBody("{}").send();
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        server.stop();
        server = start(true);
        partner = new PartnerClient(server);
        uuid = someInvoice();
        assertRefused(partner.call("PATCH", "/partners/invoices/" + uuid + "/approve").signedBody("{}").send(), "invalid_signature");
        assertThat(partner.call("PATCH", "/partners/invoices/" + uuid + "/approve").send().status()).isEqualTo(200);
    }

    @Test
    void emptyObjectBodyMayBeSignedWithAnEmptyHash() {
        String uuid = someInvoice();
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signature = RequestSignature.hmacSha256Hex(DemoWorkspace.CLIENT_SECRET,
                "PATCH:/invoices/" + uuid + "/approve:" + timestamp + ":");

        Reply reply = partner.call("PATCH", "/partners/invoices/" + uuid + "/approve").body("{}").signature(signature).send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    @Test
    void uppercaseSignatureIsAcceptedButNotInStrictMode() {
        PartnerClient.Call call = partner.call("POST", "/partners/invoices").body(Bodies.invoice());
        assertThat(call.signature(call.computedSignature().toUpperCase()).send().status()).isEqualTo(201);

        server.stop();
        server = start(true);
        partner = new PartnerClient(server);
        PartnerClient.Call strict = partner.call("POST", "/partners/invoices").body(Bodies.invoice());
        assertRefused(strict.signature(strict.computedSignature().toUpperCase()).send(), "invalid_signature");
    }

    @Test
    void queryStringIsNotSigned() {
        String uuid = someInvoice();
        assertThat(partner.get("/partners/invoices/" + uuid + "?expand=lines&x=1").status()).isEqualTo(200);
    }

    @Test
    void aClientCannotChooseItsWorkspaceThroughTheMocksInternalHeader() {
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, "other-client", "other-secret", "other-access-token");
        String otherInvoice = other.post("/partners/invoices", Bodies.invoice(OTHER_CUSTOMER, OTHER_PRODUCT)).dataText("id");

        Reply reply = partner.call("GET", "/partners/invoices/" + otherInvoice)
                .header("X-Count-Mock-Workspace", OTHER_WORKSPACE.toString())
                .send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
    }

    @Test
    void tokenRoutesNeedTheSignatureButNoBearer() {
        Reply unsigned = partner.call("POST", "/partners/grant-access-token").body("{}").without("x-signature").without("Authorization").send();
        assertRefused(unsigned, "missing_credentials");

        Reply signed = partner.call("POST", "/partners/grant-access-token").body("{}").without("Authorization").send();
        assertThat(signed.status()).isNotEqualTo(401);
    }
}
