package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults injected through POST /__admin/count/faults, each kind, as a partner's client meets them. */
class FaultsTest {

    private static final String CREATE_FAULT = "{\"method\":\"POST\",\"path\":\"/partners/invoices\",";

    private CountMockServer server;
    private PartnerClient partner;
    private AdminClient admin;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).rateLimit(0).clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"))).start();
        partner = new PartnerClient(server);
        admin = new AdminClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String inject(String fault) {
        Reply reply = admin.post("/faults", fault);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.dataText("id");
    }

    private Reply fault(String id) {
        Reply faults = admin.get("/faults");
        for (var fault : faults.data().get("faults")) {
            if (fault.get("id").asText().equals(id)) {
                return new Reply(200, null, fault.toString(), PartnerClient.JSON.createObjectNode().set("data", fault), faults.headers());
            }
        }
        throw new AssertionError("No fault " + id + " in " + faults.text());
    }

    @Test
    void aServerErrorForTheNextRequestOnlyAndNothingIsCreated() {
        String id = inject(CREATE_FAULT + "\"kind\":\"serverError\",\"status\":503,\"times\":1}");

        Reply failed = partner.post("/partners/invoices", Bodies.invoice());
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.code()).isEqualTo("service_unavailable");
        assertThat(failed.json().get("statusCode").asInt()).isEqualTo(503);
        assertThat(failed.requestId()).isEqualTo(failed.json().get("requestId").asText());
        assertThat(server.demoWorkspace().invoices()).isEmpty();

        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        assertThat(fault(id).data().get("hits").asInt()).isEqualTo(1);
        assertThat(fault(id).data().get("remaining").asInt()).isZero();
    }

    @Test
    void aServerErrorDefaultsTo500() {
        inject("{\"kind\":\"serverError\"}");

        Reply failed = partner.get("/partners/invoices/" + UUID.randomUUID());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("internal_error");
    }

    @Test
    void anInjected429CarriesRetryAfter() {
        inject(CREATE_FAULT + "\"kind\":\"rateLimit\",\"retryAfterSeconds\":7,\"times\":2}");

        Reply limited = partner.post("/partners/invoices", Bodies.invoice());

        assertThat(limited.status()).isEqualTo(429);
        limited.assertErrorEnvelope(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.json().get("type").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(429);
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
    }

    @Test
    void aDelayHoldsTheResponseBackButTheRequestIsProcessed() throws Exception {
        inject(CREATE_FAULT + "\"kind\":\"delay\",\"delayMillis\":400,\"times\":1}");
        HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        PartnerClient.Call call = partner.call("POST", "/partners/invoices").body(Bodies.invoice());
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/partners/invoices"))
                .timeout(Duration.ofMillis(100))
                .header("x-client-id", DemoWorkspace.CLIENT_ID)
                .header("x-timestamp", Long.toString(server.clock().instant().getEpochSecond()))
                .header("x-signature", call.computedSignature())
                .header("Authorization", "Bearer " + DemoWorkspace.ACCESS_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.invoice()))
                .build();

        assertThatThrownBy(() -> impatient.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(server.demoWorkspace().invoices()).hasSize(1);
    }

    @Test
    void aDelayedResponseArrivesWhole() {
        inject("{\"kind\":\"delay\",\"delayMillis\":200}");
        long start = System.nanoTime();

        Reply reply = partner.post("/partners/invoices", Bodies.invoice());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.dataText("invoiceNumber")).isEqualTo("INV-0001");
    }

    @Test
    void dropBeforeApplyLosesTheRequest() {
        inject(CREATE_FAULT + "\"kind\":\"dropBeforeApply\",\"times\":1}");

        assertThatThrownBy(() -> partner.post("/partners/invoices", Bodies.invoice())).hasCauseInstanceOf(IOException.class);

        assertThat(server.demoWorkspace().invoices()).isEmpty();
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
    }

    @Test
    void dropAfterApplyStoresTheInvoiceButTheClientNeverHearsOfIt() {
        inject(CREATE_FAULT + "\"kind\":\"dropAfterApply\",\"times\":1}");

        assertThatThrownBy(() -> partner.post("/partners/invoices", Bodies.invoice())).hasCauseInstanceOf(IOException.class);

        assertThat(server.demoWorkspace().invoices()).hasSize(1);
        Reply state = admin.get("/state");
        assertThat(state.data().get("workspaces").get(0).get("invoices").get(0).get("invoiceNumber").asText()).isEqualTo("INV-0001");
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).dataText("invoiceNumber")).isEqualTo("INV-0002");
    }

    @Test
    void aRotationLostToADroppedConnectionCostsTheConnection() {
        inject("{\"path\":\"/partners/refresh-user-access-token\",\"kind\":\"dropAfterApply\",\"times\":1}");
        String body = "{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + DemoWorkspace.REFRESH_TOKEN + "\"}";

        assertThatThrownBy(() -> partner.call("POST", "/partners/refresh-user-access-token").body(body).token(null).send())
                .hasCauseInstanceOf(IOException.class);

        Reply retried = partner.call("POST", "/partners/refresh-user-access-token").body(body).token(null).send();
        assertThat(retried.status()).isEqualTo(403);
        assertThat(retried.code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void aFaultHitsOnlyItsMethodAndPath() {
        String id = inject("{\"method\":\"get\",\"path\":\"/partners/invoices/[^/]+\",\"kind\":\"serverError\"}");

        Reply created = partner.post("/partners/invoices", Bodies.invoice());
        assertThat(created.status()).isEqualTo(201);
        assertThat(partner.patch("/partners/invoices/" + created.dataText("id") + "/approve").status()).isEqualTo(200);
        assertThat(partner.get("/partners/invoices/" + created.dataText("id")).status()).isEqualTo(500);
        assertThat(fault(id).data().get("hits").asInt()).isEqualTo(1);
        assertThat(fault(id).data().get("remaining").isNull()).isTrue();
    }

    @Test
    void aFaultNeverHitsARequestThatFailsAuthentication() {
        String id = inject(CREATE_FAULT + "\"kind\":\"serverError\",\"times\":1}");

        Reply unsigned = partner.call("POST", "/partners/invoices").body(Bodies.invoice()).without("x-signature").send();

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(fault(id).data().get("hits").asInt()).isZero();
        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(500);
    }

    @Test
    void aClientCannotMarkItsOwnRequestForAFault() {
        Reply reply = partner.call("POST", "/partners/invoices").body(Bodies.invoice()).header("X-Count-Mock-Fault", "drop").send();

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void aSeededProbabilityRepeatsRunAfterRun() {
        String fault = "{\"path\":\"/partners/invoices/.*\",\"kind\":\"serverError\",\"probability\":0.5,\"seed\":42}";
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
        Random expectedDraws = new Random(42);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(expectedDraws.nextDouble() < 0.5 ? 500 : 200);
        }

        inject(fault);
        List<Integer> firstRun = statuses(uuid, 20);
        admin.delete("/faults");
        inject(fault);
        List<Integer> secondRun = statuses(uuid, 20);

        assertThat(firstRun).isEqualTo(expected).isEqualTo(secondRun).contains(200, 500);
    }

    @Test
    void withoutASeedTheFaultReportsTheOneItDrew() {
        Reply injected = admin.post("/faults", "{\"kind\":\"serverError\",\"probability\":0.25}");

        assertThat(injected.data().get("seed").asLong()).isBetween(0L, (1L << 53) - 1);
        assertThat(injected.data().get("probability").asDouble()).isEqualTo(0.25);
    }

    @Test
    void faultsAlsoHitTheOAuthPages() {
        inject("{\"path\":\"/auth2/.*\",\"kind\":\"serverError\",\"status\":502,\"times\":1}");

        Reply reply = admin.get("/auth2/authorize-intiate?clientId=demo-client&redirectUri=https://crm.example/cb");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.code()).isEqualTo("internal_error");
    }

    private List<Integer> statuses(String uuid, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(partner.get("/partners/invoices/" + uuid).status());
        }
        return statuses;
    }
}
