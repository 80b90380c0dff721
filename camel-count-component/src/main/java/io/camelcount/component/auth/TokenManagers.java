package io.camelcount.component.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One {@link TokenManager} per connection in the JVM while any endpoint uses it, however many endpoints,
 * routes and Camel contexts that is: two managers holding the same rotating refresh token would each
 * refresh with it, and the second refresh would find it already revoked. When the last user lets go, the
 * manager is forgotten, so a restarted route reads the token store again.
 */
public final class TokenManagers {

    private static final Map<String, Held> MANAGERS = new HashMap<>();

    private TokenManagers() {
    }

    private static final class Held {
        private final TokenManager manager;
        private int users;

        private Held(TokenManager manager) {
            this.manager = manager;
        }
    }

    /** The connection's manager, made by {@code create} when nobody holds one; pair with {@link #release}. */
    public static synchronized TokenManager acquire(String connection, Supplier<TokenManager> create) {
        Held held = MANAGERS.computeIfAbsent(connection, key -> new Held(create.get()));
        held.users++;
        return held.manager;
    }

    public static synchronized void release(String connection) {
        Held held = MANAGERS.get(connection);
        if (held != null && --held.users == 0) {
            MANAGERS.remove(connection);
        }
    }
}
