package io.camelcount.mock.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The parts of COUNT's request signature (contract §1.1), as pure functions:
 * {@code hex(HMAC-SHA256(clientSecret, METHOD:signedPath:timestamp:bodyHash))}.
 */
public final class RequestSignature {

    private static final String PARTNER_PREFIX = "/partners";
    private static final HexFormat HEX = HexFormat.of();
    /** Keyed once per secret and never used itself, only copied; see {@link #keyedHmacSha256}. */
    private static final Map<String, Mac> KEYED = new ConcurrentHashMap<>();

    private RequestSignature() {
    }

    /** The path that is signed: no query string, and no leading {@code /partners}. */
    public static String signedPath(String url) {
        String path = urlPath(url);
        if (path.equals(PARTNER_PREFIX) || path.startsWith(PARTNER_PREFIX + "/")) {
            return path.substring(PARTNER_PREFIX.length());
        }
        return path;
    }

    public static String urlPath(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    public static String base(String method, String signedPath, String timestamp, String bodyHash) {
        return method + ":" + signedPath + ":" + timestamp + ":" + bodyHash;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static byte[] hmacSha256(String secret, String base) {
        return keyedHmacSha256(secret).doFinal(base.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An HMAC-SHA256 keyed with the secret, of the caller's own, for signing several bases with one key ({@code
     * doFinal} leaves it keyed for the next). Finding the algorithm and keying it cost more than signing a base, so
     * each secret is keyed once and copied: the secrets are those of the registered partner apps, a few.
     */
    static Mac keyedHmacSha256(String secret) {
        try {
            return (Mac) KEYED.computeIfAbsent(secret, RequestSignature::newKeyedHmacSha256).clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("This JVM's HmacSHA256 cannot be copied", e);
        }
    }

    private static Mac newKeyedHmacSha256(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    public static String hmacSha256Hex(String secret, String base) {
        return HEX.formatHex(hmacSha256(secret, base));
    }
}
