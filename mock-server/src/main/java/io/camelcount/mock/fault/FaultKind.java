package io.camelcount.mock.fault;

import java.util.Arrays;
import java.util.Optional;

/** What an injected fault does to the request it hits. */
public enum FaultKind {
    /** Answers a 5xx in COUNT's error envelope; the request is not processed. */
    SERVER_ERROR("serverError", true),
    /** Answers 429 {@code rate_limited} ({@code "type":"RATE_LIMITED"}) with {@code Retry-After}; the request is not processed. */
    RATE_LIMIT("rateLimit", true),
    /** Drops the connection without processing the request. */
    DROP_BEFORE_APPLY("dropBeforeApply", true),
    /** Processes the request at once and holds its response back for a while. */
    DELAY("delay", false),
    /**
     * Processes and stores the request, then drops the connection instead of answering: the client
     * cannot know whether its create happened, which is what its retry logic must cope with.
     */
    DROP_AFTER_APPLY("dropAfterApply", false);

    private final String wireName;
    private final boolean replacesProcessing;

    FaultKind(String wireName, boolean replacesProcessing) {
        this.wireName = wireName;
        this.replacesProcessing = replacesProcessing;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the fault answers instead of the API, so that the request never reaches it. */
    public boolean replacesProcessing() {
        return replacesProcessing;
    }

    public static Optional<FaultKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(FaultKind::wireName).toList());
    }
}
