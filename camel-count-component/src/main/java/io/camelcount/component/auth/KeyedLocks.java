package io.camelcount.component.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/** One fair, reentrant JVM lock per key. Entries are never removed: a JVM uses a handful of keys. */
final class KeyedLocks {

    /** The locks behind {@link TokenStore#lock(String)}'s default implementation. */
    static final KeyedLocks SHARED = new KeyedLocks();

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    TokenStore.Lock lock(String key) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock(true));
        lock.lock();
        return TokenStore.Lock.releasedBy(lock::unlock);
    }
}
