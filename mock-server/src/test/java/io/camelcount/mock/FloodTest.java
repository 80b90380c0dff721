package io.camelcount.mock;

import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of large unauthenticated posts against 127.0.0.1 leaves the mock's heap where it was: bodies above a
 * route's limit are refused before they are read and dropped as they arrive, bodies within it are not kept
 * (the request journal is off), and none of them is parsed before the signature is compared.
 */
class FloodTest {

    private static final int POSTS = 200;
    private static final int BODY_BYTES = 5 * 1024 * 1024;
    private static final int SENDERS = 4;
    /** Generous: the flood sends 1,000 MB; what stays must be noise of class loading and caches. */
    private static final long GROWTH_BOUND = 48L * 1024 * 1024;

    private CountMockServer server;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z")))
                .rateLimit(0).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theHeapStaysBoundedUnderAFloodOfLargeUnauthenticatedPosts() throws Exception {
        byte[] body = new byte[BODY_BYTES];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        List<String> targets = List.of("/partners/invoices",
                "/partners/invoices/" + DemoWorkspace.ACME_TRADING + "/attachments/upload",
                "/partners/grant-access-token", "/auth2/authorize-intiate", "/public/invoices/" + "ab".repeat(32) + "/pay");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + server.port();
        send(http, base, targets, body, SENDERS); // warms the mock and the client up, so that the figures compare steady states

        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = send(http, base, targets, body, POSTS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = usedHeapAfterGc();

        System.out.printf("Flood: %d unauthenticated posts of %d MB (%d senders) in %d ms, answers %s;"
                        + " used heap after GC %d MB before, %d MB after (growth %+d KB, bound %d MB)%n",
                POSTS, BODY_BYTES >> 20, SENDERS, millis, statuses, before >> 20, after >> 20, (after - before) >> 10,
                GROWTH_BOUND >> 20);
        assertThat(statuses.keySet()).as("every post refused: too large (413) or unauthenticated (401)")
                .isSubsetOf(401, 413);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(POSTS);
        assertThat(after - before).as("heap growth in bytes").isLessThan(GROWTH_BOUND);
    }

    private static Map<Integer, Integer> send(HttpClient http, String base, List<String> targets, byte[] body, int posts)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                String target = targets.get(i % targets.size());
                answers.add(CompletableFuture.supplyAsync(() -> post(http, base + target, body), senders));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (CompletableFuture<Integer> answer : answers) {
                statuses.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return statuses;
        } finally {
            senders.shutdownNow();
        }
    }

    private static int post(HttpClient http, String url, byte[] body) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", url.endsWith("/upload") ? Multipart.CONTENT_TYPE : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).as(url).contains("\"status\":\"Error\"");
            return answer.statusCode();
        } catch (Exception failed) {
            throw new AssertionError("POST " + url + " failed", failed);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
