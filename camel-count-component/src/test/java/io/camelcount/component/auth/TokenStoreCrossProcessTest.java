package io.camelcount.component.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelcount.component.cluster.JdbcTokenStore;
import io.camelcount.component.testing.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelcount.component.auth.FakeCount.access;
import static org.assertj.core.api.Assertions.assertThat;

/** Real second processes (separate JVMs) on one {@link FileTokenStore} file. */
class TokenStoreCrossProcessTest {

    private static final String KEY = "demo-client@http://localhost:8089#0123456789abcdef";

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    @TempDir
    Path dir;

    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(c -> c.process.destroyForcibly());
    }

    @Test
    void theStoreLockExcludesAnotherProcessBothWays() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);

        Child holder = start("hold", file.toString());
        assertThat(holder.nextLine()).isEqualTo("LOCKED");
        try (FileChannel channel = FileChannel.open(store.lockFile(), StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            assertThat(probe).as("lock file held by the other process").isNull();
        }
        holder.send("release");
        assertThat(holder.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (TokenStore.Lock lock = store.lock(KEY)) {
            Child prober = start("probe", file.toString());
            assertThat(prober.nextLine()).isEqualTo("HELD");
        }
        assertThat(start("probe", file.toString()).nextLine()).isEqualTo("FREE");
    }

    @Test
    void twoProcessesRacingToRefreshMakeOneRefreshCall() throws Exception {
        Path file = dir.resolve("tokens.json");
        raceToRefresh(file.toString(), new FileTokenStore(file));
        assertThat(new FileTokenStore(file).load(KEY)).get().extracting(TokenPair::accessToken).isEqualTo(access(1));
    }

    @Test
    void twoProcessesRacingToRefreshThroughTheDatabaseMakeOneRefreshCall() throws Exception {
        raceToRefresh(POSTGRES.jdbcUrl(), new JdbcTokenStore(POSTGRES.dataSource()));
        assertThat(new JdbcTokenStore(POSTGRES.dataSource()).load(KEY)).get().extracting(TokenPair::accessToken)
                .isEqualTo(access(1));
    }

    /** This process and another, each with a token manager on {@code store}, refresh at once: one refresh call. */
    private void raceToRefresh(String childStore, TokenStore store) throws Exception {
        Path countState = dir.resolve("count-state.txt");
        FileCount.reset(countState);

        Child other = start("refresh", childStore, KEY, countState.toString());
        assertThat(other.nextLine()).isEqualTo("READY");

        // this process refreshes too, and holds its refresh call until the other process is calling as well
        CountDownLatch otherIsCalling = new CountDownLatch(1);
        FileCount count = new FileCount(countState);
        TokenRefresher afterTheOther = refreshToken -> {
            otherIsCalling.await(30, TimeUnit.SECONDS);
            return count.refresh(refreshToken);
        };
        TokenManager mine = new TokenManager(KEY, store, FakeCount.initialPair(), Clock.systemUTC(),
                Duration.ofSeconds(60));
        mine.accessToken(afterTheOther);

        other.send("go");
        Thread watcher = new Thread(() -> {
            try {
                assertThat(other.nextLine()).isEqualTo("CALLING");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                otherIsCalling.countDown();
            }
        });
        watcher.start();
        String myToken = mine.refreshAfterRejection(access(0), afterTheOther);
        watcher.join(TimeUnit.SECONDS.toMillis(30));
        String otherLine = other.nextLine();

        assertThat(FileCount.calls(countState)).isEqualTo(1);
        assertThat(FileCount.rejections(countState)).isZero();
        assertThat(myToken).isEqualTo(access(1));
        assertThat(otherLine).isEqualTo("TOKEN " + access(1));
    }

    private Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TokenStoreChildProcess.class.getName()));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile(dir, "child-", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        Child child = new Child(process, errors);
        children.add(child);
        return child;
    }

    /** A child JVM; its protocol lines (upper-case words) are queued, anything else it prints is ignored. */
    private static final class Child {
        final Process process;
        final Path errors;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Writer stdin;

        Child(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.matches("(LOCKED|HELD|FREE|READY|CALLING|TOKEN|ERROR)( .*)?")) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String nextLine() throws Exception {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("The child process said nothing; alive=" + process.isAlive() + ", stderr:\n"
                        + Files.readString(errors));
            }
            return line;
        }

        void send(String line) throws IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }
    }
}
