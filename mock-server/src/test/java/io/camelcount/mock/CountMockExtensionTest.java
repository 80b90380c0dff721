package io.camelcount.mock;

import com.github.tomakehurst.wiremock.client.VerificationException;
import io.camelcount.mock.junit.CountMockExtension;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The JUnit 5 extension: one mock for the class, back to its seed (and frozen time) before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountMockExtensionTest {

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Set<Integer> PORTS = new HashSet<>();

    @RegisterExtension
    static CountMockExtension count = CountMockExtension.builder()
            .clockFrozenAt(START)
            .configure(server -> server.rateLimit(3))
            .build();

    private PartnerClient partner() {
        return new PartnerClient(count.server());
    }

    @Test
    @Order(1)
    void aTestChangesTheMocksStateAndTime() {
        PORTS.add(count.server().port());
        assertThat(partner().post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        partner().post("/partners/invoices", Bodies.invoice());
        partner().post("/partners/invoices", Bodies.invoice());
        assertThat(partner().post("/partners/invoices", Bodies.invoice()).status()).as("the configured limit").isEqualTo(429);
        new AdminClient(count.server()).post("/faults", "{\"kind\":\"serverError\"}");
        count.clock().advance(Duration.ofDays(3));
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSeededStateOnTheSameServer() {
        PORTS.add(count.server().port());
        assertThat(PORTS).hasSize(1);
        assertThat(count.baseUrl()).isEqualTo("http://localhost:" + count.server().port());
        assertThat(count.server().demoWorkspace().invoices()).isEmpty();
        assertThat(count.clock().instant()).isEqualTo(START);
        assertThat(partner().post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
    }

    @Test
    @Order(3)
    void wireMocksClientAndJournalSeeThisTestsRequests() {
        assertThat(count.getAllServeEvents()).as("the journal starts empty in each test").isEmpty();
        partner().post("/partners/invoices", Bodies.invoice());
        partner().get("/partners/invoices");

        count.verify(1, postRequestedFor(urlPathEqualTo("/partners/invoices")));
        count.verify(getRequestedFor(urlPathEqualTo("/partners/invoices")));
        assertThatThrownBy(() -> count.verify(2, postRequestedFor(urlPathEqualTo("/partners/invoices"))))
                .isInstanceOf(VerificationException.class);
        assertThat(count.getAllServeEvents()).hasSize(2);
        assertThat(count.findAll(postRequestedFor(urlPathEqualTo("/partners/invoices"))).get(0).getHeader("Authorization"))
                .as("bearer tokens are redacted in the journal").doesNotContain(DemoWorkspace.ACCESS_TOKEN);

        count.runtimeInfo().getWireMock().register(get(urlPathEqualTo("/partners/tags")).willReturn(okJson("{\"stubbed\":true}")));
        assertThat(partner().get("/partners/tags").json().get("stubbed").asBoolean()).isTrue();
        assertThat(count.runtimeInfo().getHttpBaseUrl()).isEqualTo(count.baseUrl());
    }

    @Test
    @Order(4)
    void aTestsStubsAreGoneInTheNextTestAndTheMocksRoutesServe() {
        assertThat(count.getAllServeEvents()).isEmpty();
        assertThat(partner().get("/partners/tags").json().has("stubbed")).isFalse();
        count.verify(1, getRequestedFor(urlPathEqualTo("/partners/tags")));
    }

    @Nested
    class InANestedClass {

        @Test
        void theOuterClassesMockServesAndIsReset() {
            PORTS.add(count.server().port());
            assertThat(PORTS).hasSize(1);
            assertThat(count.server().demoWorkspace().invoices()).isEmpty();
        }
    }

    @Nested
    class RegisteredOnAnInstanceField {

        @RegisterExtension
        final CountMockExtension own = CountMockExtension.builder().build();

        @Test
        void eachTestGetsAMockOfItsOwnOnAFreePortWithASystemClock() {
            assertThat(own.server().port()).isPositive().isNotEqualTo(count.server().port());
            assertThat(own.clock().instant()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
            assertThat(new PartnerClient(own.server()).post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        }
    }
}
