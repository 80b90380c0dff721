package io.camelcount.mock;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The mock in a WireMock a test already runs with WireMock's own JUnit extension, from the builder's extension factory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountMockExtensionFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final CountMockExtensionFactory COUNT = CountMockServer.builder().clock(MockClock.fixed(NOW)).rateLimit(5)
            .extensionFactory();

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensionFactories(COUNT))
            .build();

    private static PartnerClient demo() {
        return new PartnerClient(wireMock.baseUrl(), COUNT.clock(), DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET,
                DemoWorkspace.ACCESS_TOKEN);
    }

    @Test
    @Order(1)
    void theMocksRoutesAnswerAndWireMocksJournalSeesThem() {
        Reply created = demo().post("/partners/invoices", Bodies.invoice());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("X-RateLimit-Limit")).as("the builder's options reach the extensions").isEqualTo("5");
        assertThat(demo().get("/partners/invoices").data().get("records")).hasSize(1);

        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/partners/invoices")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/partners/invoices")));
        assertThat(new PartnerClient(wireMock.baseUrl(), COUNT.clock(), DemoWorkspace.CLIENT_ID, "wrong-secret",
                DemoWorkspace.ACCESS_TOKEN).get("/partners/invoices").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aTestsStubWinsAndTheMocksMappingsSurviveWireMocksReset() {
        wireMock.stubFor(post(urlPathEqualTo("/partners/invoices")).willReturn(okJson("{\"stubbed\":true}")));
        assertThat(demo().post("/partners/invoices", Bodies.invoice()).json().get("stubbed").asBoolean()).isTrue();

        wireMock.resetAll();

        assertThat(demo().post("/partners/invoices", Bodies.invoice()).status()).as("the mock's mappings are back").isEqualTo(201);
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }
}
