package io.camelcount.mock.api;

import io.camelcount.mock.domain.SequentialUuids;

/**
 * The request IDs an answer carries ({@code X-Request-Id}, and {@code requestId} in an error body). A partner
 * quotes one to find a request, so each must be unique, but none is a secret; see {@link SequentialUuids}.
 */
public final class RequestIds {

    private static final SequentialUuids IDS = new SequentialUuids();

    private RequestIds() {
    }

    /** A request ID no other answer of this process has had. */
    public static String next() {
        return IDS.next().toString();
    }
}
