package io.camelcount.mock.domain;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDs that must be unique but are no secret (request IDs, audit entry IDs), without {@code UUID.randomUUID()}'s
 * draw from the JVM-wide SecureRandom, whose lock every WireMock serve event also takes: the first half is drawn
 * once, so that two runs of the mock (or two sources) do not repeat each other, and the second half counts.
 * They keep the version 4 and variant bits, so they read like COUNT's UUIDs.
 */
public final class SequentialUuids {

    private static final long VERSION_BITS = 0x0000_0000_0000_F000L;
    private static final long VERSION_4 = 0x0000_0000_0000_4000L;
    private static final long COUNT_BITS = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

    private final long drawnHalf = (new SecureRandom().nextLong() & ~VERSION_BITS) | VERSION_4;
    private final AtomicLong count = new AtomicLong();

    /** A UUID this source has not given before. */
    public UUID next() {
        return new UUID(drawnHalf, (count.incrementAndGet() & COUNT_BITS) | IETF_VARIANT);
    }
}
