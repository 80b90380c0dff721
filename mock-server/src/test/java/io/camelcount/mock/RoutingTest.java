package io.camelcount.mock;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {

    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"))).start();
        partner = new PartnerClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void startsOnAFreePortAndStopReleasesIt() throws IOException {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://localhost:" + server.port());

        server.close();
        server.stop();
        try (ServerSocket reuse = new ServerSocket(server.port())) {
            assertThat(reuse.isBound()).isTrue();
        }
    }

    @Test
    void unknownPartnerRouteIsNotFoundInCountsEnvelope() {
        Reply reply = partner.get("/partners/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not_found");
        assertThat(reply.message()).contains("GET /partners/nothing-here");
        assertThat(reply.json().get("statusCode").asInt()).isEqualTo(404);
        assertThat(reply.requestId()).isEqualTo(reply.json().get("requestId").asText());
    }

    @Test
    void knownPathWithAnotherMethodIsNotFound() {
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");

        assertThat(partner.call("PUT", "/partners/invoices/" + uuid + "/approve").send().status()).isEqualTo(404);
        assertThat(partner.get("/partners/invoices/" + uuid + "/approve").status()).isEqualTo(404);
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("status")).isEqualTo("draft");
    }

    @Test
    void unknownRouteUnsignedIsRefusedBeforeItIsRouted() {
        Reply reply = partner.call("GET", "/partners/nothing-here").without("x-signature").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("missing_credentials");
    }

    @Test
    void pathOutsidePartnersIsNotFoundWithoutAuthentication() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body()).startsWith("{\"status\":\"Error\",\"statusCode\":404,\"message\":\"No route GET /health")
                .endsWith(",\"isOperational\":true,\"requestId\":\"" + response.headers().firstValue("X-Request-Id").orElseThrow()
                        + "\",\"errorCode\":\"not_found\"}");
    }

    @Test
    void everyResponseHasItsOwnRequestId() {
        Set<String> ids = new HashSet<>();
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
        for (int i = 0; i < 3; i++) {
            Reply reply = partner.get("/partners/invoices/" + uuid);
            assertThat(reply.requestId()).isNotBlank();
            ids.add(reply.requestId());
        }
        ids.add(partner.get("/partners/invoices/" + UUID.randomUUID()).requestId());

        assertThat(ids).hasSize(4);
    }

    @Test
    void aWireMockStubAddedByATestOverridesTheRouteButNotAuthentication() {
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
        new WireMock("localhost", server.port()).register(get(urlPathTemplate("/partners/invoices/{uuid}")).willReturn(serverError()));

        assertThat(partner.get("/partners/invoices/" + uuid).status()).isEqualTo(500);
        assertThat(partner.call("GET", "/partners/invoices/" + uuid).without("Authorization").send().status()).isEqualTo(401);
        assertThat(partner.patch("/partners/invoices/" + uuid + "/approve").status()).isEqualTo(200);
    }

    @Test
    void aWireMockResetRemovesATestsStubsButNotTheApi() {
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
        WireMock admin = new WireMock("localhost", server.port());
        admin.register(get(urlPathTemplate("/partners/invoices/{uuid}")).willReturn(serverError()));

        admin.resetToDefaultMappings();

        // the partner routes, the API's catch-all, the public pages, five OAuth routes and the consent page's POST
        assertThat(admin.allStubMappings().getMappings()).hasSize(9)
                .noneMatch(mapping -> mapping.getResponse().getStatus() == 500);
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("status")).isEqualTo("draft");
    }
}
