package io.camelcount.component.auth;

import java.util.Optional;

/**
 * Where the component keeps the OAuth token pairs it obtains from COUNT, so that they survive restarts and are
 * shared by every process that uses the same grant.
 * <p>
 * <b>Why this matters.</b> COUNT's refresh tokens rotate: each refresh returns a new access token <em>and</em> a new
 * refresh token, and the old refresh token stops working at once (COUNT answers 403 to it). If the new pair is lost,
 * for example because the process stops before writing it anywhere, the connection is lost for good and the user has
 * to authorise the application again. {@link TokenManager} therefore
 * <ol>
 *     <li>takes {@link #lock(String)} for the key,</li>
 *     <li>{@link #load(String) loads} the pair again (another holder of the lock may have refreshed meanwhile, in which
 *     case it adopts that pair instead of refreshing),</li>
 *     <li>refreshes, {@link #save(String, TokenPair) saves} the new pair and only then uses it,</li>
 *     <li>and releases the lock.</li>
 * </ol>
 * <p>
 * <b>Keys.</b> One key names one grant: a user's authorisation of one client ID at one COUNT, which owns one rotating
 * refresh token. The component spells it {@code clientId@baseUrl#fingerprint}: the client ID, the configured base URL
 * without its trailing slash (otherwise as configured), and a short SHA-256 fingerprint of the refresh token
 * configured for the grant (the first one, which rotation has long used up, still names it). The grant that
 * {@code login} writes, for endpoints configured with a store but no tokens, is named {@code login} instead
 * ({@link GrantKey}). Token files written by earlier versions use the same spelling. Keys are plain strings, not
 * secrets.
 * <p>
 * <b>Implementing a store</b> (on a database, a secrets vault, ...):
 * <ul>
 *     <li>Every method may be called by several threads at once; implementations must be thread-safe.</li>
 *     <li>{@code save} must be <em>durable</em> when it returns: a pair that was saved must be what a later
 *     {@code load} returns, also after a crash or in another process. If it cannot guarantee that, it must throw.</li>
 *     <li>{@code load} must never return a partially written pair, and must throw rather than return
 *     {@link Optional#empty()} when the stored data cannot be read: an empty answer makes the component fall back to
 *     the token pair in its configuration, which is usually already used up.</li>
 *     <li>If several processes share the store (several application instances, a cluster), override
 *     {@link #lock(String)} with a lock they all respect (a database row lock, an advisory lock, a lease...).
 *     Otherwise two processes may refresh with the same refresh token; the second gets a 403 and its connection is
 *     lost.</li>
 *     <li>Never log or print the tokens, also not in exception messages.</li>
 * </ul>
 * Failures are reported with unchecked exceptions, preferably {@link TokenStoreException}.
 *
 * @see InMemoryTokenStore
 * @see FileTokenStore
 */
public interface TokenStore {

    /**
     * The pair last saved under {@code key}.
     *
     * @return the pair, or empty if none was ever saved under this key (then the pair from the configuration is used)
     * @throws RuntimeException (preferably {@link TokenStoreException}) if the stored data exists but cannot be read;
     *                          never answer empty in that case
     */
    Optional<TokenPair> load(String key);

    /**
     * Stores {@code pair} under {@code key}, replacing what was there. Durable when it returns: on a file, written and
     * flushed to disk; on a database, committed.
     * <p>
     * May be called with or without {@link #lock(String)} held by the calling thread; implementations whose lock is
     * not reentrant must not take it again in {@code save}.
     *
     * @throws RuntimeException (preferably {@link TokenStoreException}) if the pair could not be stored durably. The
     *                          caller then does not use the new pair.
     */
    void save(String key, TokenPair pair);

    /**
     * Takes an exclusive lock on {@code key} and returns it; blocks until it is available. While it is held, no other
     * holder of a lock on the same key proceeds: no other thread in this JVM and, for stores shared by several
     * processes, no other process. Use it with try-with-resources, and close it in the thread that took it:
     * <pre>{@code
     * try (TokenStore.Lock lock = store.lock(key)) {
     *     Optional<TokenPair> latest = store.load(key);
     *     ...
     * }
     * }</pre>
     * The lock is held while COUNT is called to refresh the token, so it may be held for as long as one HTTP call
     * takes. A lock may exclude more than its key (a store may, for example, have one lock for all its keys).
     * <p>
     * The default implementation is a JVM-only lock, shared by all stores in this JVM that use the default: it does
     * <b>not</b> exclude other processes. Stores shared by several processes must override it.
     *
     * @throws RuntimeException (preferably {@link TokenStoreException}) if the lock could not be taken
     */
    default Lock lock(String key) {
        return KeyedLocks.SHARED.lock(key);
    }

    /** A lock taken by {@link TokenStore#lock(String)}. Closing it releases it; closing it again does nothing. */
    interface Lock extends AutoCloseable {

        /** Releases the lock. Must be called by the thread that took it. Does not throw checked exceptions. */
        @Override
        void close();

        /**
         * A lock whose first {@link #close()} runs {@code release}, for implementations; closing it again does
         * nothing. Like every lock, it is closed by the thread that took it.
         */
        static Lock releasedBy(Runnable release) {
            return new Lock() {
                private boolean closed;

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        release.run();
                    }
                }
            };
        }
    }
}
