package io.camelcount.component.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import javax.sql.DataSource;

import io.camelcount.component.CountException;
import io.camelcount.component.http.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slots of one client ID's {@link RateLimiter}, kept in a database that several JVMs share (tables
 * {@code count_rate_window} and {@code count_rate_slot}, see {@link ClusterSchema}), so that the JVMs together keep to
 * COUNT's limit with the limiter's rule: a permit counts until COUNT answered its request.
 * <p>
 * A permit is reserved in one transaction that first updates the window's row (counting the permit in), so the
 * row stays locked until the commit and reservations from every JVM take the slots in one order, exactly as the
 * threads of one JVM do. Database round trips per COUNT call: four to reserve (that update, the read of the slot and
 * the previous grant, the slot's update, the commit) and one to report the answer (an update in its own
 * transaction): five. The caller waits for its grant without holding the lock.
 * <p>
 * The JVMs compare the instants they store, so their clocks must agree (NTP): a JVM whose clock is ahead by a
 * skew lets a request go up to that skew early, which COUNT may answer with a 429 (retried after its
 * {@code Retry-After}).
 * <p>
 * Every JVM must use the same limit and window for a client ID: the first to start records them, and a JVM configured
 * otherwise fails to start.
 */
public final class SharedRateWindow implements RateLimiter.Slots {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRateWindow.class);

    private static final String FIND = "SELECT slot_count, window_nanos FROM count_rate_window WHERE client_key = ?";
    private static final String CREATE_WINDOW = "INSERT INTO count_rate_window (client_key, slot_count, window_nanos,"
                                                + " issued) VALUES (?, ?, ?, 0)";
    private static final String CREATE_SLOT = "INSERT INTO count_rate_slot (client_key, slot, ticket) VALUES (?, ?, 0)";
    /** Locks the window (in the order its transactions come) and counts the permit in. */
    private static final String COUNT_IN = "UPDATE count_rate_window SET issued = issued + 1 WHERE client_key = ?";
    /** The permit's number, its slot's previous permit, and the permit before it (which takes the previous slot). */
    private static final String READ = "SELECT w.issued, s.counts_until_nanos, p.grant_nanos FROM count_rate_window w"
            + " JOIN count_rate_slot s ON s.client_key = w.client_key AND s.slot = MOD(w.issued - 1, w.slot_count)"
            + " JOIN count_rate_slot p ON p.client_key = w.client_key"
            + " AND p.slot = MOD(w.issued - 2 + w.slot_count, w.slot_count) WHERE w.client_key = ?";
    private static final String TAKE_SLOT = "UPDATE count_rate_slot SET ticket = ?, grant_nanos = ?,"
                                            + " counts_until_nanos = ? WHERE client_key = ? AND slot = ?";
    private static final String ANSWERED = "UPDATE count_rate_slot SET counts_until_nanos = ? WHERE client_key = ?"
                                           + " AND slot = ? AND ticket = ? AND counts_until_nanos < ?";
    private static final String IN_USE = "SELECT COUNT(*) FROM count_rate_slot WHERE client_key = ?"
                                         + " AND counts_until_nanos > ?";

    private final DataSource dataSource;
    private final String clientKey;
    private final int limit;
    private final Duration window;

    /**
     * Finds the client's window in the database, or records it with its {@code limit} slots.
     *
     * @param clientKey the connection's key, such as {@code https://api.getcount.com#demo-client}
     * @param limit     permits per window, positive
     * @throws IllegalArgumentException if another JVM recorded another limit or window for the client
     * @throws CountException           if the database cannot be reached
     */
    public SharedRateWindow(DataSource dataSource, String clientKey, int limit, Duration window) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
        this.window = Objects.requireNonNull(window, "window");
        if (limit <= 0) {
            throw new IllegalArgumentException("A shared rate window needs a positive limit: " + limit);
        }
        this.limit = limit;
        ClusterSchema.ensure(dataSource);
        try {
            if (!recorded()) {
                record();
            }
        } catch (SQLException e) {
            throw failure("record the rate window", e);
        }
    }

    @Override
    public RateLimiter.Reservation reserve(Instant asked) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                RateLimiter.Reservation reserved = reserve(connection, asked);
                connection.commit();
                return reserved;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("reserve a permit in the rate window", e);
        }
    }

    @Override
    public void answered(int slot, long ticket, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(ANSWERED)) {
            update.setLong(1, nanos(now));
            update.setString(2, clientKey);
            update.setInt(3, slot);
            update.setLong(4, ticket);
            update.setLong(5, nanos(now));
            update.executeUpdate(); // no row: a later permit took the slot, or it counts beyond now already
        } catch (SQLException e) {
            // Not thrown: the request has been answered, and its answer matters more than the bookkeeping. The slot
            // then counts from its grant only, as for an answer never reported, and a 429 stays possible.
            LOG.warn("Could not report an answer to the COUNT rate window of {}: {}", clientKey,
                    ClusterSchema.describe(e) + " " + e.getMessage());
        }
    }

    @Override
    public int inUse(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(IN_USE)) {
            count.setString(1, clientKey);
            count.setLong(2, nanos(now.minus(window)));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("count the permits in use", e);
        }
    }

    @Override
    public String toString() {
        return "SharedRateWindow[" + clientKey + ", " + RateLimiter.describe(limit, window) + "]";
    }

    private RateLimiter.Reservation reserve(Connection connection, Instant asked) throws SQLException {
        try (PreparedStatement countIn = connection.prepareStatement(COUNT_IN)) {
            countIn.setString(1, clientKey);
            if (countIn.executeUpdate() != 1) {
                throw new CountException("The rate window of " + clientKey + " is missing from the table"
                        + " count_rate_window; restart the application to record it again");
            }
        }
        long ticket;
        Long countsUntil;
        Long lastGrant;
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, clientKey);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new CountException("The slots of the rate window of " + clientKey + " are missing from the"
                            + " table count_rate_slot; delete its row from count_rate_window and restart to record it"
                            + " again");
                }
                ticket = row.getLong(1);
                countsUntil = row.getObject(2, Long.class);
                lastGrant = row.getObject(3, Long.class);
            }
        }
        long grant = nanos(asked);
        if (lastGrant != null) {
            grant = Math.max(grant, lastGrant); // keeps grants ordered, also across JVMs whose clocks differ a little
        }
        if (countsUntil != null) {
            grant = Math.max(grant, countsUntil + window.toNanos());
        }
        int slot = (int) ((ticket - 1) % limit);
        try (PreparedStatement take = connection.prepareStatement(TAKE_SLOT)) {
            take.setLong(1, ticket);
            take.setLong(2, grant);
            take.setLong(3, grant);
            take.setString(4, clientKey);
            take.setInt(5, slot);
            take.executeUpdate();
        }
        return new RateLimiter.Reservation(slot, ticket, Instant.EPOCH.plusNanos(grant));
    }

    /** Whether the window is recorded; if so, with this limit and window. */
    private boolean recorded() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, clientKey);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                int slots = row.getInt(1);
                Duration recorded = Duration.ofNanos(row.getLong(2));
                if (slots != limit || !recorded.equals(window)) {
                    throw new IllegalArgumentException("The COUNT rate limit of " + clientKey + " is "
                            + RateLimiter.describe(limit, window) + " here, but the cluster's database records "
                            + RateLimiter.describe(slots, recorded) + ". Configure the same rateLimit and"
                            + " rateLimitWindow on every JVM; to change them, stop every JVM and delete the client's"
                            + " rows from count_rate_window and count_rate_slot.");
                }
                return true;
            }
        }
    }

    /** Inserts the window and its slots; when another JVM does so at the same time, checks what it recorded. */
    private void record() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insertWindow = connection.prepareStatement(CREATE_WINDOW);
                 PreparedStatement insertSlot = connection.prepareStatement(CREATE_SLOT)) {
                insertWindow.setString(1, clientKey);
                insertWindow.setInt(2, limit);
                insertWindow.setLong(3, window.toNanos());
                insertWindow.executeUpdate();
                for (int slot = 0; slot < limit; slot++) {
                    insertSlot.setString(1, clientKey);
                    insertSlot.setInt(2, slot);
                    insertSlot.addBatch();
                }
                insertSlot.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!ClusterSchema.isDuplicate(e) || !recorded()) {
                    throw e;
                }
            }
        }
    }

    private CountException failure(String what, SQLException e) {
        return new CountException("Could not " + what + " of " + clientKey + " in the dataSource "
                + ClusterSchema.name(dataSource) + ": "
                + ClusterSchema.describe(e) + " " + e.getMessage() + " Check that the database is reachable and that"
                + " the application's user may read and write the camel-count tables; until then no request goes to"
                + " COUNT, since the other JVMs could not count it.", e);
    }

    private static long nanos(Instant instant) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }
}
