package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The forms COUNT's live routes are known to answer in (contract §2 "Variants"), and which one each answer
 * takes. Off (the default) every answer takes the contract's default form, {@link Form#DEFAULT}. On, each
 * answer takes a form drawn from a hash of the seed, the request's method and URL, and how many times
 * that method and URL were asked before; so a run that sends the same requests in the same order meets the
 * same forms, and requests to other URLs running at the same time do not shift them. A UUID in the URL
 * counts as {@code {uuid}}: a run creates new invoices each time, and its forms would otherwise never repeat.
 *
 * <p>A partner whose client passes its tests with variants on reads COUNT in every form we know of.
 */
public final class AnswerVariants {

    private static final Pattern UUID_IN_URL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Which counts a page carries besides {@code page} and {@code limit}. */
    public enum PageCounts {
        /** {@code totalRecords} and {@code totalPages}: the contract's default, and COUNT's customer docs. */
        BOTH,
        /** {@code totalRecords} only: count-cli ends a listing on it and never reads {@code totalPages}. */
        TOTAL_RECORDS_ONLY,
        /**
         * Neither: only {@code page} and {@code limit}, so a client must end on a page shorter than the limit,
         * as count-cli does. No COUNT route is documented to answer so; that count-cli copes with it makes
         * it a plausible form.
         */
        NONE
    }

    /** How an expired access token is answered (contract §1.2). */
    public enum TokenExpiry {
        /** 401 with every signal: {@code errorCode}, {@code error}, {@code error_description} and the message. */
        ALL_SIGNALS,
        /** 401 with only the OAuth 2.0 bearer-token error (RFC 6750): {@code error} and {@code error_description}. */
        BEARER_ERROR_ONLY,
        /** The older deployments' 403 with the message {@code Invalid access token.} and no machine code. */
        LEGACY_403
    }

    /**
     * One answer's form.
     *
     * @param arrayNamedAfterResource a page's array under the resource's name ({@code invoices}) instead of
     *                                {@code records}
     * @param pageCounts              which counts a page carries
     * @param resourceNested          a single resource as {@code data.<resource>} instead of {@code data}
     * @param codeInError             the machine code under {@code error} instead of {@code errorCode}
     * @param tokenExpiry             how an expired access token is answered
     */
    public record Form(boolean arrayNamedAfterResource, PageCounts pageCounts, boolean resourceNested,
                       boolean codeInError, TokenExpiry tokenExpiry) {

        /** The contract's default shapes (§1.2, §2). */
        public static final Form DEFAULT = new Form(false, PageCounts.BOTH, false, false, TokenExpiry.ALL_SIGNALS);

        /** @param page a page as {@link Paging} renders it: {@code records}, page, limit and both counts */
        ObjectNode page(ObjectNode page, ResourceName resource) {
            ObjectNode shaped = JsonNodeFactory.instance.objectNode();
            page.fields().forEachRemaining(field -> {
                switch (field.getKey()) {
                    case "records" -> shaped.set(arrayNamedAfterResource ? resource.many() : "records", field.getValue());
                    case "totalPages" -> {
                        if (pageCounts == PageCounts.BOTH) {
                            shaped.set("totalPages", field.getValue());
                        }
                    }
                    case "totalRecords" -> {
                        if (pageCounts != PageCounts.NONE) {
                            shaped.set("totalRecords", field.getValue());
                        }
                    }
                    default -> shaped.set(field.getKey(), field.getValue());
                }
            });
            return shaped;
        }

        JsonNode one(JsonNode object, ResourceName resource) {
            return resourceNested ? JsonNodeFactory.instance.objectNode().set(resource.one(), object) : object;
        }

        /** Puts an error's machine code where this form has it; a null code (none known) is left out. */
        void putCode(ObjectNode body, String code) {
            if (code != null) {
                body.put(codeInError ? "error" : "errorCode", code);
            }
        }
    }

    /**
     * The admin API shows the seed in JSON, which JavaScript reads exactly only up to 2^53; a larger seed
     * would come back rounded and no longer repeat the run.
     */
    public static final long LARGEST_SEED = (1L << 53) - 1;

    private final Long startingSeed;
    private volatile Long seed;
    /** How many times each method and URL was asked since variants were switched on or the mock reset. */
    private final ConcurrentHashMap<String, AtomicLong> asked = new ConcurrentHashMap<>();

    /** @param seed the seed to start with; null starts with variants off */
    public AnswerVariants(Long seed) {
        if (seed != null) {
            requireValidSeed(seed);
        }
        this.startingSeed = seed;
        this.seed = seed;
    }

    /** The seed when variants are on. */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /** From now on answers vary, exactly as in a mock started with this seed. */
    public void switchOn(long seed) {
        requireValidSeed(seed);
        asked.clear();
        this.seed = seed;
    }

    public void switchOff() {
        this.seed = null;
        asked.clear();
    }

    /** Back to how the mock started: variants on with its starting seed, or off. */
    public void reset() {
        asked.clear();
        this.seed = startingSeed;
    }

    /** The form of the answer to this request; call it once per answer, since each call counts the request. */
    public Form formFor(Request request) {
        Long current = seed;
        if (current == null) {
            return Form.DEFAULT;
        }
        String key = request.getMethod().getName().toUpperCase(Locale.ROOT) + " "
                + UUID_IN_URL.matcher(request.getUrl()).replaceAll("{uuid}");
        long timesAskedBefore = asked.computeIfAbsent(key, ignored -> new AtomicLong()).getAndIncrement();
        long draw = hash(current + "\n" + key + "\n" + timesAskedBefore);
        return new Form(
                (draw & 1) != 0,
                PageCounts.values()[(int) Long.remainderUnsigned(draw >>> 8, PageCounts.values().length)],
                (draw & 2) != 0,
                (draw & 4) != 0,
                TokenExpiry.values()[(int) Long.remainderUnsigned(draw >>> 16, TokenExpiry.values().length)]);
    }

    /** @throws IllegalArgumentException for a seed beyond {@link #LARGEST_SEED} either way */
    public static void requireValidSeed(long seed) {
        if (seed > LARGEST_SEED || seed < -LARGEST_SEED) {
            throw new IllegalArgumentException("The variants seed must be a whole number between -(2^53 - 1) and"
                    + " 2^53 - 1, so that JSON keeps it exact; got " + seed);
        }
    }

    /** SHA-256 rather than {@code String.hashCode}: well mixed in every bit, and the same on every JVM. */
    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
