package io.camelcount.component.webhook;

import java.security.MessageDigest;
import java.util.HexFormat;

import io.camelcount.component.auth.RequestSigner;

/**
 * A delivery's {@code X-Webhook-Signature}: {@code sha256=} and the hex HMAC-SHA256 of the exact raw body, keyed
 * with the subscription's signing secret (contract §8).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Webhook-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** What COUNT sends for {@code body} signed with {@code secret}: for tests and for partners' own checks. */
    public static String of(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(RequestSigner.hmac(secret, body));
    }

    /**
     * Compares in constant time, so that how long a refusal takes tells a forger nothing about how much of the
     * signature was right.
     *
     * @param header the header as received, or {@code null} when the delivery had none
     */
    public static boolean isValid(String secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(RequestSigner.hmac(secret, body), given);
    }
}
