package io.camelcount.component.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One {@link TokenManager} per connection in the JVM, however many endpoints, routes and Camel contexts
 * use it: two managers holding the same rotating refresh token would each refresh with it, and the second
 * refresh would find it already revoked.
 */
public final class TokenManagers {

    private static final Map<String, TokenManager> MANAGERS = new ConcurrentHashMap<>();

    private TokenManagers() {
    }

    /** The connection's manager, made by {@code create} only when the JVM has none yet. */
    public static TokenManager forConnection(String connection, Supplier<TokenManager> create) {
        return MANAGERS.computeIfAbsent(connection, key -> create.get());
    }
}
