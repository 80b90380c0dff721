package io.camelcount.component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.testing.EmbeddedPostgres;
import io.camelcount.mock.CountMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three JVMs ({@link ClusterOfJvmsChild}) share one client ID and grant through cluster mode's database, against the
 * mock COUNT's real rate limit and short-lived access tokens, asking for more than the limit allows; one of them is
 * killed (SIGKILL) mid-run and the other two carry on. Judged from COUNT's side, by the mock's request journal.
 * <p>
 * The limit and the tokens live in real time (the JVMs judge expiry and the window by their own clocks), so the
 * window and the token lifetime are short: the run takes some ten seconds and sees several rotations.
 */
class ClusterOfJvmsTest extends MockCountTestSupport {

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private static final int RATE_LIMIT = 10;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(4);
    /**
     * More than a window: a refresh waits for a rate permit like any call, up to a window when the JVMs have used it
     * up, and the access token must still be valid for the calls sent meanwhile.
     */
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(2);
    private static final int CALLS = 40;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(RATE_LIMIT).rateLimitWindow(RATE_WINDOW)
                .accessTokenLifetime(ACCESS_TOKEN_LIFETIME));
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(replica -> replica.process.destroyForcibly());
    }

    @Test
    void threeJvmsRefreshOncePerRotationStayWithinTheLimitAndCarryOnWhenOneIsKilled() throws Exception {
        // The seeded access token never expires by itself; expired, it makes the run begin with a rotation.
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
        Replica first = start("replica-1");
        Replica second = start("replica-2");
        Replica killed = start("replica-3");

        killed.awaitCalls(CALLS / 2);
        int killedCalls = killAtAQuietMoment(killed);
        for (Replica survivor : List.of(first, second)) {
            survivor.awaitExit();
            assertThat(survivor.process.exitValue()).as(survivor.name + " ended, stderr:\n%s", survivor.errors())
                    .isZero();
            assertThat(survivor.lastCall).as(survivor.name + " calls").isEqualTo(CALLS);
        }

        List<Served> served = served();
        List<Served> refreshes = served.stream().filter(s -> s.url.startsWith(TokenRefreshTest.REFRESH_PATH)).toList();
        List<Served> calls = served.stream().filter(s -> s.url.startsWith("/partners/customers/")).toList();
        long tooMany = served.stream().filter(s -> s.status == 429).count();
        long forbidden = served.stream().filter(s -> s.status == 403).count();
        // the seeded token's expiry: 401, or the older deployments' 403 among the mock's variants
        List<Served> expired = calls.stream().filter(s -> s.status == 401 || s.status == 403).toList();
        long answered = calls.stream().filter(s -> s.status == 200).count();
        Duration run = Duration.between(served.get(0).at, served.get(served.size() - 1).at);
        double windowUse = 100.0 * served.size() * RATE_WINDOW.toMillis() / (RATE_LIMIT * Math.max(1, run.toMillis()));
        System.out.printf("Cluster of 3 JVMs: %d calls answered (%d by the killed JVM before SIGKILL), %d requests"
                          + " in %d ms, %d refreshes, %d expired-token refusals, %d 403s, %d 429s, window use %.0f %%"
                          + " of %d per %d ms%n",
                answered, killedCalls, served.size(), run.toMillis(), refreshes.size(), expired.size(), forbidden,
                tooMany, windowUse, RATE_LIMIT, RATE_WINDOW.toMillis());

        assertThat(tooMany).as("429s").isZero();
        assertThat(refreshes).as("refreshes: none refused (403) for a refresh token sent twice")
                .allMatch(s -> s.status == 200);
        assertThat(refreshes).as("several rotations").hasSizeGreaterThanOrEqualTo(3);
        // the journal hides bearer tokens: a 401 before the second refresh was for the seeded token
        assertThat(expired).as("expired tokens: only the seeded one, expired before the run, at most once per JVM")
                .hasSizeLessThanOrEqualTo(3).allMatch(s -> s.at.isBefore(refreshes.get(1).at));
        for (int i = 1; i < refreshes.size(); i++) {
            // a rotation's access token is refreshed a margin before it expires: a second refresh of one rotation
            // would come right after the first
            assertThat(Duration.between(refreshes.get(i - 1).at, refreshes.get(i).at))
                    .as("time between refreshes %d and %d", i, i + 1)
                    .isGreaterThanOrEqualTo(ACCESS_TOKEN_LIFETIME.minus(REFRESH_MARGIN).dividedBy(2));
        }
        // the killed JVM may have been answered once more without printing it
        assertThat(answered).as("calls answered").isBetween(2L * CALLS + killedCalls, 2L * CALLS + killedCalls + 1);
        assertThat(calls).as("every call answered or refused for the expired seeded token")
                .hasSize((int) answered + expired.size());
    }

    /**
     * Kills {@code replica} while it is not between sending a request and counting its answer, nor between
     * refreshing and storing the new pair: this holds the rate window's row until its JVM waits for it, so its one
     * thread is in the database (the slot of a request it never reported would count from its grant only, and a
     * 429 could follow by a matter of microseconds; a refresh token spent and not stored would end the grant).
     *
     * @return the calls it made
     */
    private static int killAtAQuietMoment(Replica replica) throws Exception {
        try (Connection connection = POSTGRES.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement window = connection.prepareStatement("SELECT issued FROM count_rate_window FOR"
                                                                        + " UPDATE")) {
                window.executeQuery().close();
            }
            await().atMost(BOUND).until(() -> waitsForALock(replica.name));
            replica.process.destroyForcibly();
            replica.awaitExit();
            connection.commit();
        }
        return replica.lastCall;
    }

    private static boolean waitsForALock(String applicationName) throws SQLException {
        try (Connection connection = POSTGRES.dataSource().getConnection();
             PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                     + " WHERE application_name = ? AND wait_event_type = 'Lock'")) {
            waiting.setString(1, applicationName);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getLong(1) > 0;
            }
        }
    }

    /** One request COUNT received, and its answer. */
    private record Served(Instant at, String url, int status) {
    }

    /** What the mock served, oldest first. */
    private static List<Served> served() {
        List<Served> served = new ArrayList<>();
        for (JsonNode entry : journal()) {
            JsonNode request = entry.path("request");
            served.add(0, new Served(Instant.ofEpochMilli(request.path("loggedDate").asLong()),
                    request.path("url").asText(), entry.path("response").path("status").asInt()));
        }
        return served;
    }

    private Replica start(String name) throws IOException {
        String jdbcUrl = POSTGRES.jdbcUrl();
        String named = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClusterOfJvmsChild.class.getName(), named,
                mock.baseUrl(), String.valueOf(RATE_LIMIT), String.valueOf(RATE_WINDOW.toMillis()),
                String.valueOf(REFRESH_MARGIN.toMillis()), String.valueOf(CALLS));
        Path errors = dir.resolve(name + ".err");
        Replica replica = new Replica(name, new ProcessBuilder(command).redirectError(errors.toFile()).start(),
                errors);
        replicas.add(replica);
        return replica;
    }

    /** A child JVM, and the last call it said it made. */
    private static final class Replica {
        final String name;
        final Process process;
        final Path errors;
        final BlockingQueue<Integer> calls = new LinkedBlockingQueue<>();
        final Thread reader;
        volatile int lastCall;

        Replica(String name, Process process, Path errors) {
            this.name = name;
            this.process = process;
            this.errors = errors;
            reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("CALLED ")) {
                            lastCall = Integer.parseInt(line.substring(7));
                            calls.add(lastCall);
                        } else if (line.startsWith("FAILED ")) {
                            System.out.println(name + ": " + line);
                        }
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitCalls(int count) throws Exception {
            for (Integer call = 0; call < count; ) {
                call = calls.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
                if (call == null) {
                    throw new AssertionError(name + " made no call; alive=" + process.isAlive() + ", stderr:\n"
                                             + errors());
                }
            }
        }

        /** Waits for the JVM to end and for its output to be read. */
        void awaitExit() throws Exception {
            assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as(name + " ended").isTrue();
            reader.join(BOUND.toMillis());
        }

        String errors() throws IOException {
            return Files.readString(errors);
        }
    }
}
