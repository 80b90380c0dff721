package io.camelcount.mock.api;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request IDs an answer carries ({@code X-Request-Id}, and {@code requestId} in an error body), shaped like
 * COUNT's UUIDs. A partner quotes one to find a request, so each must be unique, but none is a secret: the
 * first half is drawn once per process, so that two runs of the mock do not repeat each other's IDs, and the
 * second half counts. {@code UUID.randomUUID()} per answer would take the JVM-wide SecureRandom lock on
 * every request, which WireMock's own serve-event IDs already contend for.
 */
public final class RequestIds {

    private static final long VERSION_4 = 0x0000_0000_0000_4000L;
    private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

    private static final long PROCESS_HALF = (new SecureRandom().nextLong() & ~0x0000_0000_0000_F000L) | VERSION_4;
    private static final AtomicLong COUNTER = new AtomicLong();

    private RequestIds() {
    }

    /** A request ID no other answer of this process has had. */
    public static String next() {
        long count = COUNTER.incrementAndGet() & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID(PROCESS_HALF, count | IETF_VARIANT).toString();
    }
}
