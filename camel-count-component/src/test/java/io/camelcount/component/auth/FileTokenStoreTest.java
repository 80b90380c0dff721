package io.camelcount.component.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelcount.component.auth.FakeCount.access;
import static io.camelcount.component.auth.FakeCount.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileTokenStoreTest {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Instant EXPIRY = Instant.parse("2025-03-01T11:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyStoreAndItsDirectoryIsCreated() {
        Path file = dir.resolve("a/b/tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        assertThat(file.getParent()).isDirectory();
        assertThat(store.load("k")).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void pairsRoundTripByKeyAndOtherKeysAreKept() throws IOException {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        TokenPair full = new TokenPair(access(1), refresh(1), EXPIRY, EXPIRY.plusSeconds(86_400));
        TokenPair bare = new TokenPair(null, refresh(2));
        store.save("https://api.getcount.com#a", full);
        store.save("https://api.getcount.com#b", bare);
        store.save("https://api.getcount.com#a", full); // replacing keeps the other key

        FileTokenStore reopened = new FileTokenStore(file);
        assertThat(reopened.load("https://api.getcount.com#a")).contains(full);
        assertThat(reopened.load("https://api.getcount.com#b")).contains(bare);
        assertThat(reopened.load("other")).isEmpty();

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("tokens").get("https://api.getcount.com#a").get("accessTokenExpiresAt").asText())
                .isEqualTo("2025-03-01T11:00:00Z");
        assertThat(json.get("tokens").get("https://api.getcount.com#b").has("accessToken")).isFalse();
        assertThat(reopened.toString()).contains(file.getFileName().toString()).doesNotContain(FakeCount.MARK);
    }

    @Test
    void theTokenFileAndItsLockFileAreOwnerOnly() throws IOException {
        assumeTrue(POSIX, "the file system has no POSIX permissions; nothing to check");
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"version\":1,\"tokens\":{}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        FileTokenStore store = new FileTokenStore(file);
        store.save("k", new TokenPair(access(1), refresh(1)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.lockFile()))).isEqualTo("rw-------");

        Path fresh = dir.resolve("new/tokens.json");
        new FileTokenStore(fresh).save("k", new TokenPair(access(1), refresh(1)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    }

    @Test
    void writesAreAtomicTheFileIsAlwaysValidAndNoTemporaryFilesAreLeft() throws Exception {
        Path file = dir.resolve("tokens.json");
        int writers = 4;
        int savesEach = 100;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CyclicBarrier start = new CyclicBarrier(writers + 1);
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    FileTokenStore store = new FileTokenStore(file); // one instance per writer, as in separate processes
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 1; i <= savesEach; i++) {
                        store.save("key-" + writer, new TokenPair(access(i), refresh(i), EXPIRY, null));
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                FileTokenStore store = new FileTokenStore(file);
                ObjectMapper mapper = new ObjectMapper();
                start.await(30, TimeUnit.SECONDS);
                int reads = 0;
                while (writing.get()) {
                    try {
                        store.load("key-0");
                        if (Files.exists(file)) {
                            mapper.readTree(Files.readAllBytes(file)); // the raw file, too, is always complete JSON
                        }
                        reads++;
                    } catch (Throwable t) {
                        problems.add(t);
                    }
                }
                return reads;
            });
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(problems).isEmpty();
        } finally {
            pool.shutdownNow();
        }

        FileTokenStore store = new FileTokenStore(file);
        for (int w = 0; w < writers; w++) {
            assertThat(store.load("key-" + w)).get().extracting(TokenPair::refreshToken).isEqualTo(refresh(savesEach));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":1,\"tokens\":{\"k\":{\"accessToken\": at-SECRET-unquoted",
            "{\"version\":1,\"tokens\":{\"k\":{\"accessToken\":\"at-SECRET-1\",\"refreshToken\":\"rt-SECRET-1\"",
            "",
            "   \n",
            "[\"at-SECRET-1\"]",
            "{\"version\":1,\"tokens\":[\"at-SECRET-1\"]}",
            "{\"version\":1,\"tokens\":{\"k\":{\"accessToken\":\"at-SECRET-1\"}}}",
            "{\"version\":1,\"tokens\":{\"k\":{\"accessToken\":\"at-SECRET-1\",\"refreshToken\":\"\"}}}",
            "{\"version\":1,\"tokens\":{\"k\":{\"accessToken\":\"at-SECRET-1\",\"refreshToken\":\"rt-SECRET-1\",\"accessTokenExpiresAt\":\"soon\"}}}",
            "{\"version\":1,\"tokens\":{}} at-SECRET-trailing",
            "{\"version\":1,\"tokens\":{\"k\":{\"accessToken\":\"at-SECRET-1\",\"refreshToken\":12345}}}",
            "{\"version\":1,\"tokens\":{\"k\":null}}",
    })
    void aCorruptFileIsAClearErrorNeverAnEmptyStoreAndIsNotOverwritten(String content) throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, content);
        FileTokenStore store = new FileTokenStore(file);

        for (Throwable failure : List.of(catchThrowable(() -> store.load("k")),
                catchThrowable(() -> store.save("k", new TokenPair(access(2), refresh(2)))))) {
            assertThat(failure).isInstanceOf(TokenStoreException.class)
                    .hasMessageContaining("The token file " + store.file() + " is corrupt")
                    .hasMessageContaining("restore the file from a backup")
                    .hasMessageContaining("authorise the application again");
            TokenManagerTest.assertNoSecrets(failure);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(content);
    }

    @Test
    void aFileFromANewerFormatIsRefused() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"version\":2,\"tokens\":{}}");
        assertThat(catchThrowable(() -> new FileTokenStore(file).load("k"))).isInstanceOf(TokenStoreException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("format version 2");
    }

    @Test
    void theLockExcludesAnotherInstanceOnTheSameFileAndIsReentrant() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore mine = new FileTokenStore(file);
        FileTokenStore theirs = new FileTokenStore(dir.resolve("./tokens.json"));
        AtomicBoolean theyHoldIt = new AtomicBoolean();

        Thread other;
        try (TokenStore.Lock lock = mine.lock("k");
             TokenStore.Lock again = mine.lock("another key, same file")) {
            mine.save("k", new TokenPair(access(1), refresh(1))); // save under the lock: reentrant, no overlap error
            other = new Thread(() -> {
                try (TokenStore.Lock theirLock = theirs.lock("k")) {
                    theyHoldIt.set(true);
                }
            });
            other.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (other.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(other.getState()).isEqualTo(Thread.State.WAITING);
            assertThat(theyHoldIt).isFalse();
        }
        other.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(theyHoldIt).isTrue();
        assertThat(theirs.load("k")).get().extracting(TokenPair::accessToken).isEqualTo(access(1));
    }
}
