package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two refreshes with one refresh token: exactly one rotates it, every other one is refused. */
class RefreshRaceTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 15;

    private CountMockServer server;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).rateLimit(0).clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"))).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void concurrentRefreshesWithOneTokenLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            String refreshToken = DemoWorkspace.REFRESH_TOKEN;
            for (int round = 0; round < ROUNDS; round++) {
                List<Reply> replies = raceRefreshes(pool, refreshToken);

                List<Reply> winners = replies.stream().filter(reply -> reply.status() == 200).toList();
                assertThat(winners).as("round %d", round).hasSize(1);
                assertThat(replies).filteredOn(reply -> reply.status() != 200)
                        .allSatisfy(loser -> assertThat(loser.code()).isEqualTo("invalid_refresh_token"))
                        .hasSize(THREADS - 1);
                refreshToken = winners.get(0).data().get("result").get("refreshToken").asText();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Reply> raceRefreshes(ExecutorService pool, String refreshToken) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            PartnerClient partner = new PartnerClient(server);
            futures.add(pool.submit(() -> {
                go.await();
                return partner.call("POST", "/partners/refresh-user-access-token")
                        .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + refreshToken + "\"}")
                        .token(null)
                        .send();
            }));
        }
        go.countDown();
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }
}
