package io.camelcount.component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.camelcount.component.auth.AccessTokenSource;
import io.camelcount.component.auth.FileTokenStore;
import io.camelcount.component.auth.FixedAccessToken;
import io.camelcount.component.auth.GrantKey;
import io.camelcount.component.auth.InMemoryTokenStore;
import io.camelcount.component.auth.TokenManager;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.auth.TokenState;
import io.camelcount.component.auth.TokenStore;
import io.camelcount.component.cluster.JdbcTokenStore;
import io.camelcount.component.cluster.SharedRateWindow;
import io.camelcount.component.http.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to COUNT in this JVM while something holds them. A connection is one client ID at one COUNT (the
 * base URL compared ignoring case and trailing slashes), and holds what everything using it must share: the client
 * ID's {@link RateLimiter}, because COUNT counts the client ID's requests whatever the number of routes and Camel
 * contexts sending them, and one {@link TokenManager} per grant (a user's authorisation, named by its configured
 * refresh token, or {@code login} for the one the login command stored), because two managers refreshing one rotating refresh token would each send it, and the second would
 * find it revoked.
 * <p>
 * A started producer or consumer {@linkplain CountComponent#connect holds} its connection and grant, and lets go when
 * it stops. The last to let go drops them: a route started again reads its token store again, and the rate limit it
 * is configured with then applies. (It starts counting afresh, as a new JVM would; COUNT's 429 after such a restart
 * is retried after its {@code Retry-After}. An application whose routes come and go can
 * {@linkplain CountComponent#holdConnection() hold} the connection itself to keep the count.)
 * <p>
 * With a {@code dataSource} (cluster mode) the limiter keeps its slots, and the grants their tokens, in that database,
 * where the other JVMs of the cluster find them (see {@link SharedRateWindow} and {@link JdbcTokenStore}); within the
 * JVM the connection is shared as without one.
 * <p>
 * Settings that cannot differ within a connection are checked when a hold is taken: a different rate limit is
 * ignored with a WARN (the limit is COUNT's, not a route's, and changing the budget of a limiter in use would break
 * its guarantee), and so are a different dataSource for the limiter and a different token refresh margin for a grant
 * (its one token manager decides when the grant's token is refreshed); a grant's tokens in a different token store
 * fail the start (the stores would each rotate the grant's refresh token and one of them would lose it).
 * <p>
 * A connection holds no HTTP client: each holder calls COUNT, token refreshes included, through its own component's,
 * which is open while the holder runs. The holders of one grant may be in Camel contexts that stop at other times.
 */
public final class CountConnections {

    private static final Logger LOG = LoggerFactory.getLogger(CountConnections.class);

    /** The JVM's: one budget per client ID across every Camel context. */
    static final CountConnections JVM = new CountConnections();

    /**
     * The default token store. It lives as long as the JVM, not as long as a connection: a route started again must
     * find the tokens its previous start rotated, since the configured pair is used up by then.
     */
    private final TokenStore memory = new InMemoryTokenStore();
    private final Map<String, Connection> connections = new HashMap<>(); // guarded by this

    private CountConnections() {
    }

    private static final class Connection {
        private final String key;
        private final RateLimiter limiter;
        /** The cluster's database the limiter keeps its slots in, or {@code null}. */
        private final DataSource cluster;
        private final ConnectionActivity activity;
        /** By the fingerprint of the grant's configured refresh token. */
        private final Map<String, Grant> grants = new HashMap<>();
        /**
         * By workspace: the fingerprint of the grant's configured refresh token, or of the fixed access token. Kept
         * while the connection is, and shared by every endpoint of the workspace, so a 404 seen by one forgets the
         * customer for all.
         */
        private final Map<String, CustomerCache> customers = new HashMap<>();
        private int holders;

        private Connection(String key, RateLimiter limiter, DataSource cluster, ConnectionActivity activity) {
            this.key = key;
            this.limiter = limiter;
            this.cluster = cluster;
            this.activity = activity;
        }
    }

    /**
     * A connection held now, as the dev console shows it: its key ({@code baseUrl#clientId}), limiter, activity, and
     * the state of each grant's tokens by the grant's name (a fingerprint of its configured refresh token).
     */
    public record Observed(String key, RateLimiter limiter, ConnectionActivity activity, Map<String, TokenState> grants) {
    }

    /** The connections held now, by key. Asks nobody: neither COUNT nor a token store. */
    synchronized List<Observed> observe() {
        return connections.values().stream()
                .sorted(Comparator.comparing(connection -> connection.key))
                .map(connection -> {
                    Map<String, TokenState> grants = new TreeMap<>();
                    connection.grants.forEach((name, grant) -> grants.put(name, grant.manager.tokenState()));
                    return new Observed(connection.key, connection.limiter, connection.activity, grants);
                })
                .toList();
    }

    private static final class Grant {
        private final String name;
        private final TokenStore store;
        /** What {@link #store} keeps the grant's tokens under. */
        private final String key;
        private final Duration refreshMargin;
        private final TokenManager manager;
        private int holders;

        private Grant(String name, TokenStore store, String key, Duration refreshMargin, TokenManager manager) {
            this.name = name;
            this.store = store;
            this.key = key;
            this.refreshMargin = refreshMargin;
            this.manager = manager;
        }
    }

    /** A hold on a connection and, with a refresh token, on its grant; closing it lets go of both. */
    public final class Hold implements AutoCloseable {

        private final Connection connection;
        private final Grant grant;
        private final AccessTokenSource accessTokens;
        private final CustomerCache customers;
        private boolean closed; // guarded by CountConnections.this

        private Hold(Connection connection, Grant grant, AccessTokenSource accessTokens, CustomerCache customers) {
            this.connection = connection;
            this.grant = grant;
            this.accessTokens = accessTokens;
            this.customers = customers;
        }

        /** The client ID's limiter; {@link RateLimiter#waited()} tells what COUNT's rate limit has cost so far. */
        public RateLimiter rateLimiter() {
            return connection.limiter;
        }

        AccessTokenSource accessTokens() {
            return accessTokens;
        }

        /** What the connection's calls have done, every holder's. */
        public ConnectionActivity activity() {
            return connection.activity;
        }

        /** The key of the connection: its base URL and client ID, such as {@code https://api.getcount.com#demo-client}. */
        public String connectionKey() {
            return connection.key;
        }

        /** The customers found by email in this hold's workspace (see {@code customerCacheTtl}). */
        CustomerCache customers() {
            return customers;
        }

        @Override
        public void close() {
            release(this);
        }
    }

    /**
     * Holds the connection that {@code configuration} names, made with its settings if nobody holds it, and the
     * grant of its refresh token, if it has one.
     *
     * @throws IllegalArgumentException if a holder keeps the grant's tokens in another token store
     */
    synchronized Hold hold(CountComponent component, CountConfiguration configuration, boolean withGrant) {
        String baseUrl = CountEndpoint.baseUrl(configuration);
        String clientId = configuration.getClientId();
        String key = connectionKey(baseUrl, clientId);
        int limit = configuration.getRateLimit();
        Duration window = Duration.ofMillis(configuration.getRateLimitWindow());
        Connection connection = connections.get(key);
        if (connection == null) {
            connection = new Connection(key, rateLimiter(component, configuration, key, limit, window),
                    configuration.getDataSource(), new ConnectionActivity(component.clock()));
        } else if (!connection.limiter.hasSettings(limit, window)) {
            warnIgnored("rate limit", "client ID " + clientId + " at " + baseUrl, connection.limiter.describe(),
                    RateLimiter.describe(Math.max(0, limit), window), "the same rate limit on every endpoint of a client ID");
        } else if (connection.cluster != configuration.getDataSource()) {
            warnIgnored("rate window's dataSource", "client ID " + clientId + " at " + baseUrl,
                    describe(connection.cluster), describe(configuration.getDataSource()),
                    "the same dataSource on every endpoint of a client ID");
        }
        Grant grant = withGrant ? grant(component, configuration, baseUrl, connection) : null;
        connections.put(key, connection);
        connection.holders++;
        if (grant == null) {
            // An application's own hold (CountComponent.holdConnection) may have no access token: it calls nothing.
            String accessToken = configuration.getAccessToken();
            return new Hold(connection, null, new FixedAccessToken(accessToken), customers(component, connection,
                    accessToken == null ? "" : CountEndpoint.fingerprint(accessToken)));
        }
        connection.grants.put(grant.name, grant);
        grant.holders++;
        return new Hold(connection, grant, grant.manager, customers(component, connection, grant.name));
    }

    /** A grant, or a fixed access token, is one user's consent to one workspace: its customers are that workspace's. */
    private static CustomerCache customers(CountComponent component, Connection connection, String workspace) {
        return connection.customers.computeIfAbsent(workspace, any -> new CustomerCache(component.clock()));
    }

    /**
     * Whether {@code configuration} names no tokens but a token store: its grant is then the one {@code login} wrote
     * there ({@link GrantKey#LOGIN}).
     */
    static boolean usesLoginGrant(CountConfiguration configuration) {
        boolean storeConfigured = configuration.getTokenStore() != null || configuration.getDataSource() != null
                                  || !isBlank(configuration.getTokenFile());
        return storeConfigured && isBlank(configuration.getAccessToken()) && isBlank(configuration.getRefreshToken());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The grant of the configured refresh token, or the one {@code login} stored when no token is configured; {@code
     * null} with an access token alone, which is then fixed.
     */
    private Grant grant(CountComponent component, CountConfiguration configuration, String baseUrl,
                        Connection connection) {
        String refreshToken = configuration.getRefreshToken();
        boolean login = usesLoginGrant(configuration);
        if (isBlank(refreshToken) && !login) {
            return null;
        }
        String name = login ? GrantKey.LOGIN : CountEndpoint.fingerprint(refreshToken);
        TokenStore store = tokenStore(configuration);
        String key = GrantKey.of(configuration.getClientId(), baseUrl, name);
        Duration refreshMargin = Duration.ofMillis(configuration.getTokenRefreshMargin());
        Grant held = connection.grants.get(name);
        if (held == null) {
            // A login grant has no configured pair to fall back on: the store holds its only copy.
            TokenPair configured = login ? null : new TokenPair(configuration.getAccessToken(), refreshToken);
            return new Grant(name, store, key, refreshMargin,
                    new TokenManager(key, store, configured, component.clock(), refreshMargin));
        }
        if (!held.store.equals(store) || !held.key.equals(key)) {
            throw new IllegalArgumentException("The count: endpoint would keep the tokens of client ID "
                    + configuration.getClientId() + " at " + baseUrl + " in " + describe(store) + " under '" + key
                    + "', but a started endpoint with the same refreshToken keeps them in " + describe(held.store)
                    + " under '" + held.key + "'. Each store would rotate the one refresh token and one of them"
                    + " would lose it: give every endpoint with this client ID and refreshToken the same tokenFile or"
                    + " tokenStore, and the same baseUrl.");
        }
        if (!held.refreshMargin.equals(refreshMargin)) {
            warnIgnored("tokenRefreshMargin", "the grant '" + key + "'", held.refreshMargin.toMillis() + " ms",
                    refreshMargin.toMillis() + " ms", "the same tokenRefreshMargin on every endpoint with this client ID"
                                                      + " and refreshToken");
        }
        return held;
    }

    /**
     * A setting that cannot differ within what is held: the first holder's stays until the last lets go. Not an error,
     * since the routes still work, but one of them does not run as configured.
     */
    private static void warnIgnored(String setting, String of, String held, String requested, String fix) {
        LOG.warn("The COUNT {} of {} is {}; the requested {} is ignored (the first configuration wins until every"
                 + " endpoint holding it has stopped). Configure {}.", setting, of, held, requested, fix);
    }

    /**
     * The key of a connection: the base URL (without trailing slashes, lower case, as COUNT's host name is compared)
     * and the client ID, e.g. {@code https://api.getcount.com#demo-client}.
     */
    static String connectionKey(String baseUrl, String clientId) {
        String url = baseUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.toLowerCase(Locale.ROOT) + "#" + clientId.trim();
    }

    /**
     * The client ID's limiter: its slots in the cluster's database when there is one, so that every JVM keeps to the
     * one limit COUNT counts; in this JVM otherwise.
     */
    private static RateLimiter rateLimiter(CountComponent component, CountConfiguration configuration, String key,
                                           int limit, Duration window) {
        DataSource cluster = configuration.getDataSource();
        if (cluster != null && limit > 0) {
            // The wall clock, not a monotonic one: the JVMs compare the instants they store (see SharedRateWindow).
            Clock clock = component.clockOverride() == null ? Clock.systemUTC() : component.clockOverride();
            return new RateLimiter(limit, window, clock, component.sleeper(),
                    new SharedRateWindow(cluster, key, limit, window));
        }
        return component.clockOverride() == null ? new RateLimiter(limit, window)
                : new RateLimiter(limit, window, component.clockOverride(), component.sleeper());
    }

    private TokenStore tokenStore(CountConfiguration configuration) {
        if (configuration.getTokenStore() != null) {
            return configuration.getTokenStore();
        }
        if (configuration.getDataSource() != null) {
            return new JdbcTokenStore(configuration.getDataSource());
        }
        String file = configuration.getTokenFile();
        return file == null || file.isBlank() ? memory : new FileTokenStore(Path.of(file));
    }

    private String describe(TokenStore store) {
        if (store == memory) {
            return "the default in-memory token store";
        }
        if (store instanceof FileTokenStore file) {
            return "the token file " + file.file();
        }
        if (store instanceof JdbcTokenStore) {
            return "the tables of the dataSource (" + store + ")";
        }
        return "the tokenStore " + store + " (instance " + Integer.toHexString(System.identityHashCode(store)) + ")";
    }

    /** A data source by class and identity: its {@code toString()} may quote a URL, and a URL may hold a password. */
    private static String describe(DataSource dataSource) {
        return dataSource == null ? "none" : dataSource.getClass().getSimpleName() + "@"
                + Integer.toHexString(System.identityHashCode(dataSource));
    }

    private synchronized void release(Hold hold) {
        if (hold.closed) {
            return;
        }
        hold.closed = true;
        if (hold.grant != null && --hold.grant.holders == 0) {
            hold.connection.grants.remove(hold.grant.name);
        }
        if (--hold.connection.holders == 0) {
            connections.remove(hold.connection.key);
        }
    }
}
