package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §2: so many requests per rolling minute per client ID, all routes together. */
class RateLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final int LIMIT = 3;

    private final MockClock clock = MockClock.fixed(NOW);
    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = start(LIMIT);
    }

    private CountMockServer start(int limit) {
        CountMockServer started = CountMockServer.builder().port(0).clock(clock).rateLimit(limit)
                .partnerApp("other-client", "other-secret")
                .workspace(WorkspaceSeed.builder(UUID.randomUUID(), "Other Ltd")
                        .accessGrant("other-client", "other-access-token", "other-refresh-token").build())
                .start();
        partner = new PartnerClient(started);
        return started;
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static void assertQuota(Reply reply, int remaining, Instant reset) {
        assertThat(reply.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(LIMIT));
        assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
        assertThat(reply.header("X-RateLimit-Reset")).isEqualTo(Long.toString(reset.getEpochSecond()));
    }

    private static void assertRateLimited(Reply reply, long retryAfterSeconds) {
        reply.assertErrorEnvelope(429);
        assertThat(reply.code()).isEqualTo("rate_limited");
        assertThat(reply.json().get("type").asText()).isEqualTo("RATE_LIMITED");
        assertThat(reply.header("Retry-After")).isEqualTo(Long.toString(retryAfterSeconds));
        assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void theRequestAfterTheLimitIsRefusedUntilTheWindowMoves() {
        assertQuota(partner.post("/partners/invoices", Bodies.invoice()), 2, NOW.plusSeconds(60));
        assertQuota(partner.post("/partners/invoices", Bodies.invoice()), 1, NOW.plusSeconds(60));
        assertQuota(partner.post("/partners/invoices", Bodies.invoice()), 0, NOW.plusSeconds(60));

        assertRateLimited(partner.post("/partners/invoices", Bodies.invoice()), 60);
        clock.advance(Duration.ofSeconds(59));
        assertRateLimited(partner.post("/partners/invoices", Bodies.invoice()), 1);
        assertThat(server.demoWorkspace().invoices()).hasSize(3);

        clock.advance(Duration.ofSeconds(1));
        Reply freed = partner.post("/partners/invoices", Bodies.invoice());
        assertThat(freed.status()).isEqualTo(201);
        assertQuota(freed, 2, NOW.plusSeconds(120));
    }

    @Test
    void theWindowRollsRequestByRequest() {
        partner.post("/partners/invoices", Bodies.invoice());
        clock.advance(Duration.ofSeconds(30));
        partner.post("/partners/invoices", Bodies.invoice());
        partner.post("/partners/invoices", Bodies.invoice());
        assertRateLimited(partner.post("/partners/invoices", Bodies.invoice()), 30);

        clock.advance(Duration.ofSeconds(30));
        Reply oneSlot = partner.post("/partners/invoices", Bodies.invoice());
        assertThat(oneSlot.status()).isEqualTo(201);
        assertQuota(oneSlot, 0, NOW.plusSeconds(90));
        assertRateLimited(partner.post("/partners/invoices", Bodies.invoice()), 30);
    }

    @Test
    void allRoutesCountTogetherAndErrorsCarryTheHeadersToo() {
        String uuid = partner.post("/partners/invoices", Bodies.invoice()).dataText("id");
        Reply notFound = partner.get("/partners/nothing-here");
        Reply refreshed = partner.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + DemoWorkspace.REFRESH_TOKEN + "\"}").token(null).send();

        assertThat(notFound.status()).isEqualTo(404);
        assertQuota(notFound, 1, NOW.plusSeconds(60));
        assertThat(refreshed.status()).isEqualTo(200);
        assertQuota(refreshed, 0, NOW.plusSeconds(60));
        assertRateLimited(partner.get("/partners/invoices/" + uuid), 60);
    }

    @Test
    void requestsThatFailAuthenticationCountAgainstAKnownClientId() {
        for (int i = 0; i < LIMIT; i++) {
            Reply refused = partner.call("POST", "/partners/invoices").body(Bodies.invoice()).secret("wrong-secret").send();
            assertThat(refused.status()).isEqualTo(401);
            assertQuota(refused, LIMIT - 1 - i, NOW.plusSeconds(60));
        }

        assertRateLimited(partner.post("/partners/invoices", Bodies.invoice()), 60);
    }

    @Test
    void anUnknownClientIdIsNeitherCountedNorGivenHeaders() {
        for (int i = 0; i < LIMIT + 2; i++) {
            Reply unknown = partner.call("GET", "/partners/invoices").clientId("nobody").send();
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.header("X-RateLimit-Limit")).isNull();
        }

        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
    }

    @Test
    void eachClientIdHasItsOwnQuota() {
        for (int i = 0; i < LIMIT; i++) {
            partner.get("/partners/nothing-here");
        }
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, "other-client", "other-secret", "other-access-token");

        Reply reply = other.get("/partners/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertQuota(reply, 2, NOW.plusSeconds(60));
        assertRateLimited(partner.get("/partners/nothing-here"), 60);
    }

    @Test
    void aResetEmptiesTheWindows() {
        for (int i = 0; i < LIMIT; i++) {
            partner.get("/partners/nothing-here");
        }

        server.reset();

        assertThat(partner.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
    }

    @Test
    void theLimitCanBeTurnedOffAndThenNoHeadersAreSent() {
        server.stop();
        server = start(0);

        for (int i = 0; i < 150; i++) {
            Reply reply = partner.get("/partners/nothing-here");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.header("X-RateLimit-Limit")).isNull();
            assertThat(reply.header("X-RateLimit-Remaining")).isNull();
        }
    }

    @Test
    void theDefaultIsOneHundredPerMinute() {
        server.stop();
        server = CountMockServer.builder().port(0).clock(clock).start();
        partner = new PartnerClient(server);

        for (int i = 0; i < 100; i++) {
            assertThat(partner.get("/partners/nothing-here").status()).isEqualTo(404);
        }
        Reply refused = partner.get("/partners/nothing-here");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("100");
    }

    @Test
    void aShorterWindowFreesItsSlotsSooner() {
        server.stop();
        server = CountMockServer.builder().port(0).clock(clock).rateLimit(LIMIT).rateLimitWindow(Duration.ofSeconds(2))
                .start();
        partner = new PartnerClient(server);
        for (int i = 0; i < LIMIT; i++) {
            partner.get("/partners/nothing-here");
        }

        assertRateLimited(partner.get("/partners/nothing-here"), 2);
        clock.advance(Duration.ofSeconds(2));
        Reply freed = partner.get("/partners/nothing-here");
        assertThat(freed.status()).isEqualTo(404);
        assertQuota(freed, LIMIT - 1, NOW.plusSeconds(4));
    }
}
