package io.camelcount.component.auth;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;

import io.camelcount.component.cluster.JdbcTokenStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The "other process" of {@link TokenStoreCrossProcessTest}, started in its own JVM. Talks over stdin/stdout, one
 * command or answer per line.
 * <ul>
 *     <li>{@code hold <file>}: takes the store lock, prints {@code LOCKED}, waits for a line, releases it.</li>
 *     <li>{@code probe <file>}: prints {@code HELD} if another process holds the store's lock file, else {@code FREE}.</li>
 *     <li>{@code refresh <store> <key> <countState>}: with the token file, or the database of the JDBC URL, as
 *     {@code <store>}: prints {@code READY}, waits for a line, prints {@code CALLING},
 *     refreshes after a rejection of generation 0's access token and prints {@code TOKEN <access token>} (or
 *     {@code ERROR <exception>}).</li>
 * </ul>
 */
public final class TokenStoreChildProcess {

    private TokenStoreChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "hold" -> {
                try (TokenStore.Lock lock = new FileTokenStore(Path.of(args[1])).lock("any")) {
                    System.out.println("LOCKED");
                    System.out.flush();
                    in.readLine();
                }
            }
            case "probe" -> {
                try (FileChannel channel = FileChannel.open(new FileTokenStore(Path.of(args[1])).lockFile(),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    FileLock lock = channel.tryLock();
                    System.out.println(lock == null ? "HELD" : "FREE");
                    if (lock != null) {
                        lock.release();
                    }
                }
            }
            case "refresh" -> {
                FileCount count = new FileCount(Path.of(args[3]));
                TokenManager manager = new TokenManager(args[2], store(args[1]), FakeCount.initialPair(), Clock.systemUTC(),
                        Duration.ofSeconds(60));
                manager.accessToken(count);
                System.out.println("READY");
                System.out.flush();
                in.readLine();
                System.out.println("CALLING");
                System.out.flush();
                try {
                    System.out.println("TOKEN " + manager.refreshAfterRejection(FakeCount.access(0), count));
                } catch (RuntimeException e) {
                    System.out.println("ERROR " + e);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
    }

    private static TokenStore store(String where) {
        if (!where.startsWith("jdbc:")) {
            return new FileTokenStore(Path.of(where));
        }
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(where);
        return new JdbcTokenStore(database);
    }
}
