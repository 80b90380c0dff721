package io.camelcount.component.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link TokenStore}: thread-safe, in memory, for this JVM only.
 * <p>
 * Rotated tokens are <b>lost when the JVM stops</b>: the next start uses the pair from the configuration again, whose
 * refresh token has been used up by the first refresh, so the user must authorise the application again. Use it for
 * tests and for short-lived processes whose access token never needs refreshing; use {@link FileTokenStore} or a
 * store of your own for anything that runs longer.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final ConcurrentMap<String, TokenPair> pairs = new ConcurrentHashMap<>();
    private final KeyedLocks locks = new KeyedLocks();

    @Override
    public Optional<TokenPair> load(String key) {
        return Optional.ofNullable(pairs.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void save(String key, TokenPair pair) {
        pairs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(pair, "pair"));
    }

    /** A lock for this store and key, in this JVM only (which is all an in-memory store needs). */
    @Override
    public Lock lock(String key) {
        return locks.lock(Objects.requireNonNull(key, "key"));
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + pairs.size() + " pair(s)]";
    }
}
