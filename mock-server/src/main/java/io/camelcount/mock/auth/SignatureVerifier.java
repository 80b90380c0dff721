package io.camelcount.mock.auth;

import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;

/**
 * Checks a request's {@code x-timestamp} and {@code x-signature} against the client secret
 * (contract §1.1).
 *
 * <p>By default it is as tolerant as COUNT's Node server is believed to be, because partners' official
 * clients rely on it: the body may be hashed as sent or as {@code JSON.stringify} would re-serialise
 * it, an empty body may be hashed as {@code ""} or as {@code {}}, and the timestamp may be in
 * milliseconds. Strict signing accepts only the documented form, so partners find those habits
 * before production does.
 */
public final class SignatureVerifier {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern LOWERCASE_SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /** Unix seconds reach this only in the year 5138, so anything larger is milliseconds. */
    private static final long SMALLEST_MILLISECONDS = 100_000_000_000L;
    private static final String EMPTY_OBJECT_HASH = RequestSignature.sha256Hex("{}".getBytes(StandardCharsets.UTF_8));

    private final Clock clock;
    private final Duration tolerance;
    private final boolean strict;

    public SignatureVerifier(Clock clock, Duration tolerance, boolean strict) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.strict = strict;
    }

    /**
     * @param method    the HTTP method, upper case
     * @param url       the request path with its query string, as received
     * @param timestamp the {@code x-timestamp} header
     * @param signature the {@code x-signature} header
     * @param body      the body bytes as received (empty when there is none)
     * @throws AuthenticationException {@code invalid_timestamp} or {@code invalid_signature}
     */
    public void verify(String method, String url, String timestamp, String signature, byte[] body, String clientSecret) {
        requireTimestampInWindow(timestamp);
        byte[] presented = presentedSignature(signature);
        String signedPath = RequestSignature.signedPath(url);
        // The raw bytes first: only when none of their hashes match is the body parsed, so that an unsigned
        // body is never parsed, and a signed one (and every one under strict signing) is parsed by the API alone.
        Mac keyed = RequestSignature.keyedHmacSha256(clientSecret);
        boolean matched = matchesAny(rawBodyHashes(method, body), method, signedPath, timestamp, presented, keyed)
                || !strict && matchesAny(reserialisedBodyHashes(body), method, signedPath, timestamp, presented, keyed);
        if (!matched) {
            throw new AuthenticationException("invalid_signature", "x-signature does not match. Sign the text \""
                    + RequestSignature.base(method, signedPath, timestamp, documentedBodyHash(method, body))
                    + "\" (METHOD:path without /partners and query:x-timestamp:SHA-256 hex of the body bytes, empty"
                    + " for GET, DELETE and body-less requests) with HMAC-SHA256 keyed by the client secret, as lowercase hex.");
        }
        if (strict && hasBody(method, body) && isNonCanonicalJson(body)) {
            throw new AuthenticationException("invalid_signature", "Strict signing: the body is not JavaScript-canonical"
                    + " JSON. Send exactly what JSON.stringify produces (no whitespace, numbers like 250 and 1.5,"
                    + " not 250.00 or 1.50) and sign those bytes.");
        }
    }

    private void requireTimestampInWindow(String timestamp) {
        if (!DIGITS.matcher(timestamp).matches()) {
            throw new AuthenticationException("invalid_timestamp",
                    "x-timestamp must be the current Unix time in seconds, as a decimal string.");
        }
        long value = Long.parseLong(timestamp);
        boolean milliseconds = value >= SMALLEST_MILLISECONDS;
        if (milliseconds && strict) {
            throw new AuthenticationException("invalid_timestamp",
                    "Strict signing: x-timestamp must be Unix time in seconds, not milliseconds.");
        }
        Instant now = clock.instant();
        // In the unit the client sent, so that the window is exactly ±tolerance either way: a timestamp in
        // seconds against the clock's whole second (it cannot say more), one in milliseconds against its millisecond.
        long skewMillis = milliseconds ? value - now.toEpochMilli() : Math.multiplyExact(value - now.getEpochSecond(), 1000L);
        if (Math.abs(skewMillis) > tolerance.toMillis()) {
            throw new AuthenticationException("invalid_timestamp", "x-timestamp is "
                    + BigDecimal.valueOf(Math.abs(skewMillis), 3).stripTrailingZeros().toPlainString() + " seconds "
                    + (skewMillis > 0 ? "ahead of" : "behind") + " the server clock (" + now.getEpochSecond() + "); at most "
                    + tolerance.toSeconds() + " seconds either way are allowed. Send the current Unix time in seconds"
                    + " and check the client's clock.");
        }
    }

    private byte[] presentedSignature(String signature) {
        Pattern form = strict ? LOWERCASE_SIGNATURE : SIGNATURE;
        if (!form.matcher(signature).matches()) {
            throw new AuthenticationException("invalid_signature",
                    "x-signature must be the HMAC-SHA256 of the request as 64 lowercase hex characters.");
        }
        return HexFormat.of().parseHex(signature);
    }

    private static boolean matchesAny(Set<String> bodyHashes, String method, String signedPath, String timestamp,
                                      byte[] presented, Mac keyed) {
        boolean matched = false;
        for (String bodyHash : bodyHashes) {
            byte[] expected = keyed.doFinal(RequestSignature.base(method, signedPath, timestamp, bodyHash)
                    .getBytes(StandardCharsets.UTF_8));
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    /**
     * The hashes of the bytes as sent; tolerant signing adds {@code {}} for an empty body and the hash of a GET's body.
     * The body is hashed once: for a POST, PUT or PATCH the documented hash and the tolerant one are the same.
     */
    private Set<String> rawBodyHashes(String method, byte[] body) {
        String bodyHash = body.length == 0 ? "" : RequestSignature.sha256Hex(body);
        Set<String> hashes = new LinkedHashSet<>();
        hashes.add(hasBody(method, body) ? bodyHash : "");
        if (!strict) {
            hashes.add(body.length == 0 ? EMPTY_OBJECT_HASH : bodyHash);
        }
        return hashes;
    }

    /** Tolerant signing only: the hashes of the body as {@code JSON.stringify} re-serialises it, which needs a parse. */
    private static Set<String> reserialisedBodyHashes(byte[] body) {
        Set<String> hashes = new LinkedHashSet<>();
        if (body.length == 0) {
            return hashes;
        }
        try {
            byte[] canonical = JavaScriptJson.canonicalize(body);
            hashes.add(RequestSignature.sha256Hex(canonical));
            if (Arrays.equals(canonical, "{}".getBytes(StandardCharsets.UTF_8))) {
                hashes.add("");
                hashes.add(EMPTY_OBJECT_HASH);
            }
        } catch (InvalidJsonException notJson) {
            // Only the raw bytes can have been signed; the handler reports the malformed body.
        }
        return hashes;
    }

    private static String documentedBodyHash(String method, byte[] body) {
        return hasBody(method, body) ? RequestSignature.sha256Hex(body) : "";
    }

    private static boolean hasBody(String method, byte[] body) {
        return METHODS_WITH_BODY.contains(method) && body.length > 0;
    }

    /** A body that is not JSON at all is left to the handler, which answers 400 naming the problem. */
    private static boolean isNonCanonicalJson(byte[] body) {
        try {
            return !Arrays.equals(JavaScriptJson.canonicalize(body), body);
        } catch (InvalidJsonException notJson) {
            return false;
        }
    }
}
