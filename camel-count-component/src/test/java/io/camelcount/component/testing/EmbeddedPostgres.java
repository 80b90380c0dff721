package io.camelcount.component.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class (cluster mode's database), started before its first test and stopped after
 * its last: register it as a {@code static} field with {@code @RegisterExtension}. Starting one takes a second or
 * two, so a class shares it; {@link #dropClusterTables()} gives a test empty tables.
 */
public final class EmbeddedPostgres implements BeforeAllCallback, AfterAllCallback {

    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** The database, as an application would configure it; each call gives another data source on it. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** A JDBC URL of the database, for child processes. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** How many connections wait for a lock another one holds, such as a token store's row lock. */
    public long backendsWaitingForALock() throws SQLException {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet waiting = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                                                        + " WHERE wait_event_type = 'Lock'")) {
            waiting.next();
            return waiting.getLong(1);
        }
    }

    /** Drops the tables cluster mode creates, as if the database were new. */
    public void dropClusterTables() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS count_cluster_schema, count_token, count_rate_window,"
                              + " count_rate_slot");
        }
    }
}
