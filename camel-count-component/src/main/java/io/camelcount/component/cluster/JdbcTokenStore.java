package io.camelcount.component.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.auth.TokenStore;
import io.camelcount.component.auth.TokenStoreException;

/**
 * A {@link TokenStore} in a database that several JVMs share (table {@code count_token}, see {@link ClusterSchema}),
 * so that exactly one of them refreshes a grant's rotating refresh token and the others read the new pair.
 * <ul>
 *     <li><b>Locking:</b> {@link #lock(String)} opens a transaction on a connection of its own and locks the grant's
 *     row ({@code SELECT ... FOR UPDATE}, inserting the row first if it is missing); while the lock is held,
 *     {@link #load} and {@link #save} in the same thread use that transaction. A JVM that dies holding the lock
 *     loses its connection, and the database rolls the transaction back and releases the row: the pair stored last
 *     stays, and the next JVM refreshes with it. Reentrant within a thread.</li>
 *     <li><b>Durable saves:</b> {@link #save} commits before it returns, so the new pair is stored before the
 *     {@link io.camelcount.component.auth.TokenManager} uses it (save before use, as with
 *     {@link io.camelcount.component.auth.FileTokenStore}); a lock held around it is then taken again.</li>
 *     <li><b>Secrets:</b> no token reaches an exception message; failures name the key and the driver's SQL state,
 *     not its message, which could quote a value.</li>
 * </ul>
 * Stores on the same {@link DataSource} are one store (equal). The tables are created at construction if missing.
 */
public final class JdbcTokenStore implements TokenStore {

    private static final String LOCK = "SELECT grant_key FROM count_token WHERE grant_key = ? FOR UPDATE";
    private static final String INSERT = "INSERT INTO count_token (grant_key) VALUES (?)";
    private static final String LOAD = "SELECT access_token, refresh_token, access_token_expires_at,"
                                       + " refresh_token_expires_at FROM count_token WHERE grant_key = ?";
    private static final String SAVE = "UPDATE count_token SET access_token = ?, refresh_token = ?,"
            + " access_token_expires_at = ?, refresh_token_expires_at = ? WHERE grant_key = ?";

    private final DataSource dataSource;
    /** The database the data source reaches (its URL and user), so that two pools on one database are one store. */
    private final String database;
    /** The transactions that hold this thread's locks, by key. */
    private final ThreadLocal<Map<String, Held>> held = ThreadLocal.withInitial(HashMap::new);

    /** A lock's transaction: its connection, and how many holds of the thread share it. */
    private static final class Held {
        private final Connection connection;
        private int holds = 1;

        private Held(Connection connection) {
            this.connection = connection;
        }
    }

    /**
     * @param dataSource the database every JVM of the cluster uses
     * @throws io.camelcount.component.CountException if the tables cannot be created or are of a newer camel-count
     */
    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        ClusterSchema.ensure(dataSource);
        this.database = ClusterSchema.database(dataSource);
    }

    @Override
    public Optional<TokenPair> load(String key) {
        Objects.requireNonNull(key, "key");
        Held lock = held.get().get(key);
        try {
            if (lock != null) {
                return load(lock.connection, key);
            }
            try (Connection connection = dataSource.getConnection()) {
                return load(connection, key);
            }
        } catch (SQLException e) {
            throw failure("read the COUNT token pair", key, e);
        }
    }

    /**
     * Stores the pair under {@code key} and commits.
     *
     * @throws TokenStoreException if it could not be committed; the stored pair is then unchanged
     */
    @Override
    public void save(String key, TokenPair pair) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pair, "pair");
        try (Lock ignored = lock(key)) {
            Held lock = held.get().get(key);
            try (PreparedStatement update = lock.connection.prepareStatement(SAVE)) {
                update.setString(1, pair.accessToken());
                update.setString(2, pair.refreshToken());
                update.setObject(3, time(pair.accessTokenExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                update.setObject(4, time(pair.refreshTokenExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                update.setString(5, key);
                if (update.executeUpdate() != 1) {
                    throw new TokenStoreException("Could not store the COUNT token pair for " + key + ": its row in"
                            + " count_token is gone although it was locked");
                }
                lock.connection.commit();
                if (lock.holds > 1) {
                    lockRow(lock.connection, key); // the commit let the row go; the outer hold still needs it
                }
            } catch (SQLException e) {
                throw failure("store the COUNT token pair", key, e);
            }
        }
    }

    /**
     * Locks the grant's row for this thread, against every JVM using the database.
     *
     * @throws TokenStoreException if the database cannot be reached or the row cannot be locked
     */
    @Override
    public Lock lock(String key) {
        Objects.requireNonNull(key, "key");
        Map<String, Held> locks = held.get();
        Held lock = locks.get(key);
        if (lock != null) {
            lock.holds++;
        } else {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                lockRow(connection, key);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection);
                throw e instanceof SQLException sql ? failure("lock the COUNT tokens", key, sql) : (RuntimeException) e;
            }
            lock = new Held(connection);
            locks.put(key, lock);
        }
        Held taken = lock;
        return Lock.releasedBy(() -> release(key, taken));
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[" + ClusterSchema.name(dataSource) + "]";
    }

    /**
     * Stores on one database are one store, whichever pool reaches it: they read and write the same rows under the
     * same row locks (two replicas' pools in one JVM, as a test runs them, are not a conflict).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof JdbcTokenStore store && store.database.equals(database);
    }

    @Override
    public int hashCode() {
        return database.hashCode();
    }

    private static Optional<TokenPair> load(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOAD)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getString(2) == null) {
                    return Optional.empty(); // locked before, but no pair saved yet
                }
                return Optional.of(new TokenPair(row.getString(1), row.getString(2),
                        instant(row.getObject(3, OffsetDateTime.class)),
                        instant(row.getObject(4, OffsetDateTime.class))));
            }
        }
    }

    /** Locks the row of {@code key} in the connection's transaction, inserting it if no JVM has yet. */
    private static void lockRow(Connection connection, String key) throws SQLException {
        if (selectForUpdate(connection, key)) {
            return;
        }
        Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, key);
            insert.executeUpdate(); // the new row is this transaction's until it ends: others wait for it
            connection.releaseSavepoint(beforeInsert);
        } catch (SQLException e) {
            if (!ClusterSchema.isDuplicate(e)) {
                throw e;
            }
            // another JVM inserted it first (and committed, or this insert would still be waiting): lock theirs
            connection.rollback(beforeInsert);
            if (!selectForUpdate(connection, key)) {
                throw e;
            }
        }
    }

    private static boolean selectForUpdate(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Ends the transaction (whatever a save did not commit is rolled back) and frees the connection. */
    private void release(String key, Held lock) {
        if (--lock.holds > 0) {
            return;
        }
        held.get().remove(key);
        try {
            lock.connection.rollback();
        } catch (SQLException ignored) {
            // closing the connection ends the transaction too
        } finally {
            closeQuietly(lock.connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the database drops a connection's locks with it
            }
        }
    }

    private TokenStoreException failure(String what, String key, SQLException e) {
        // The driver's message is left out on purpose, and so is the exception: either could quote a token.
        return new TokenStoreException("Could not " + what + " for " + key + " in the dataSource "
                + ClusterSchema.name(dataSource) + ": "
                + ClusterSchema.describe(e) + ". Check that the database is reachable and that the application's user"
                + " may read and write the camel-count tables.");
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
