package io.camelcount.component.cluster;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import io.camelcount.component.CountException;

/**
 * The tables cluster mode keeps in a shared database, created by the first JVM that starts with it: the token pairs
 * ({@link JdbcTokenStore}) and the rate windows ({@link SharedRateWindow}). Plain SQL with portable types, written for
 * PostgreSQL first; the row locks ({@code SELECT ... FOR UPDATE}) need a database that has them.
 * <p>
 * The schema carries a version ({@code count_cluster_schema}), so a later camel-count can migrate the tables and this
 * one refuses tables written by a newer one rather than misread them.
 */
final class ClusterSchema {

    static final int VERSION = 1;

    private static final String[] TABLES = {
        "CREATE TABLE IF NOT EXISTS count_cluster_schema (version INTEGER NOT NULL)",
        // A row per grant, inserted by the first lock; refresh_token stays null until a pair is saved.
        "CREATE TABLE IF NOT EXISTS count_token (grant_key VARCHAR(1000) PRIMARY KEY, access_token TEXT,"
        + " refresh_token TEXT, access_token_expires_at TIMESTAMP WITH TIME ZONE,"
        + " refresh_token_expires_at TIMESTAMP WITH TIME ZONE)",
        // A row per connection (base URL and client ID), locked while a permit is reserved ...
        "CREATE TABLE IF NOT EXISTS count_rate_window (client_key VARCHAR(1000) PRIMARY KEY,"
        + " slot_count INTEGER NOT NULL, window_nanos BIGINT NOT NULL, issued BIGINT NOT NULL)",
        // ... and its slots. Instants are nanoseconds since the epoch: exact, so no slot is freed a rounding early.
        "CREATE TABLE IF NOT EXISTS count_rate_slot (client_key VARCHAR(1000) NOT NULL, slot INTEGER NOT NULL,"
        + " ticket BIGINT NOT NULL, grant_nanos BIGINT, counts_until_nanos BIGINT, PRIMARY KEY (client_key, slot))",
    };

    /** The data sources whose tables this JVM has checked. */
    private static final Set<DataSource> READY =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private ClusterSchema() {
    }

    /**
     * Creates the tables if they are missing and checks their version, once per data source in this JVM.
     *
     * @throws CountException if the database cannot be reached, or holds tables of a newer camel-count
     */
    static void ensure(DataSource dataSource) {
        if (READY.contains(dataSource)) {
            return;
        }
        try {
            create(dataSource);
        } catch (SQLException first) {
            // JVMs starting together race on CREATE TABLE IF NOT EXISTS (PostgreSQL may then refuse one of them with a
            // unique violation on its catalogue); by the time the loser tries again the tables are there.
            try {
                create(dataSource);
            } catch (SQLException e) {
                throw new CountException("Could not create or check the camel-count cluster tables in the dataSource "
                        + name(dataSource) + ": " + describe(e), e);
            }
        }
        READY.add(dataSource);
    }

    /**
     * Which database a data source reaches, as its driver names it (URL and user): used only to tell whether two
     * pools are one database, never shown, since a URL may carry a password.
     */
    static String database(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getURL() + "|" + metaData.getUserName();
        } catch (SQLException e) {
            throw new CountException("Could not reach the dataSource " + name(dataSource) + ": " + describe(e), e);
        }
    }

    private static void create(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute(table);
                }
                try (ResultSet version = statement.executeQuery("SELECT MAX(version) FROM count_cluster_schema")) {
                    version.next();
                    int found = version.getInt(1);
                    if (version.wasNull()) {
                        statement.executeUpdate("INSERT INTO count_cluster_schema (version) VALUES (" + VERSION + ")");
                    } else if (found > VERSION) {
                        connection.rollback();
                        throw new CountException("The camel-count cluster tables in the dataSource " + name(dataSource)
                                + " have schema version " + found + ", which this version of camel-count cannot use (it"
                                + " uses version " + VERSION + "). They were written by a newer camel-count: run that"
                                + " version on every JVM of the cluster.");
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * The data source as messages name it: its class and identity, not its {@code toString()}, which some data sources
     * make from their URL, and a URL may carry a password.
     */
    static String name(DataSource dataSource) {
        return dataSource.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(dataSource));
    }

    /** A failure without the driver's message text where that could quote a value: its SQL state and code. */
    static String describe(SQLException e) {
        return "SQL state " + e.getSQLState() + ", error code " + e.getErrorCode() + " (" + e.getClass().getSimpleName()
               + ")";
    }

    /** Whether {@code e} says a row with the same key exists (SQL state class 23, integrity constraint violation). */
    static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
