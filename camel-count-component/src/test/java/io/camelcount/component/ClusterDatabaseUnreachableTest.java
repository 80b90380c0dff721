package io.camelcount.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import io.camelcount.component.model.Page;
import io.camelcount.component.testing.EmbeddedPostgres;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster mode when its PostgreSQL goes away: a call must not go to COUNT uncounted (the other JVMs could not see it
 * in the shared rate window), must say what is wrong and what to do without quoting the database's password, and the
 * calls must work again once the database is back.
 */
class ClusterDatabaseUnreachableTest extends MockCountTestSupport {

    @RegisterExtension
    static final EmbeddedPostgres POSTGRES = new EmbeddedPostgres();

    private static final String PASSWORD = "db-password-never-shown";
    private static final String LIST = "count:invoices?operation=list&limit=1&rateLimit=5&dataSource=#countDatabase";

    /** One data source, as an application configures it; pointed at a closed port, its connections fail. */
    private final PGSimpleDataSource database = new PGSimpleDataSource();

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0));
    }

    @BeforeEach
    void clusterDatabase() throws SQLException {
        mock.reset();
        POSTGRES.dropClusterTables();
        // Embedded PostgreSQL trusts local connections: the password is only there to prove no message shows it.
        database.setURL(POSTGRES.jdbcUrl() + "&password=" + PASSWORD);
        context.getRegistry().bind("countDatabase", database);
    }

    @Test
    void aCallWhileTheDatabaseIsUnreachableNeverReachesCountSaysWhyAndCallsWorkOnceItIsBack() throws Exception {
        assertThat(result(LIST, null, null, Page.class)).isNotNull();
        int[] reachable = database.getPortNumbers();
        long requestsBefore = requestsToCount();

        database.setPortNumbers(new int[] {closedPort()}); // the database went away
        Exchange refused = call(LIST, null, null);

        assertThat(requestsToCount()).as("requests that reached COUNT without a permit").isEqualTo(requestsBefore);
        assertThat(refused.getException()).isInstanceOf(CountException.class);
        String message = refused.getException().getMessage();
        assertThat(message).contains("SQL state 08001", "refused", "Check that the database is reachable")
                .doesNotContain(PASSWORD, "jdbc:postgresql");

        database.setPortNumbers(reachable); // back
        assertThat(result(LIST, null, null, Page.class)).isNotNull();
        assertThat(requestsToCount()).isEqualTo(requestsBefore + 1);
    }

    private static long requestsToCount() {
        return requestsTo("GET", "/") + requestsTo("POST", "/");
    }

    /** A port nothing listens on: the connection is refused at once, as by a stopped database. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
