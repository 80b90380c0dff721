package io.camelcount.component.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * COUNT's request signature (contract §1.1):
 * {@code hex(HMAC-SHA256(clientSecret, METHOD:signedPath:timestamp:bodyHash))}.
 */
public final class RequestSigner {

    private static final String PARTNERS_PREFIX = "/partners";
    private static final HexFormat HEX = HexFormat.of();
    /*
     * Per thread, a Mac keyed with the last secret it signed with, and a SHA-256 digest: looking them up in the JCA
     * providers and keying the Mac cost about as much as hashing a short request, on every call. Both reset
     * themselves after doFinal/digest, so they are reused as they are.
     */
    private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    });

    private RequestSigner() {
    }

    /**
     * @param body the exact bytes sent, or {@code null} when the request has no body
     */
    public static String sign(String clientSecret, String method, String requestPath, String timestamp, byte[] body) {
        return hmacHex(clientSecret, base(method, requestPath, timestamp, body));
    }

    public static String base(String method, String requestPath, String timestamp, byte[] body) {
        String upperMethod = method.toUpperCase(Locale.ROOT);
        return upperMethod + ":" + signedPath(requestPath) + ":" + timestamp + ":" + bodyHash(upperMethod, body);
    }

    /** The path without the query string and without the leading {@code /partners}. */
    public static String signedPath(String requestPath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        if (path.equals(PARTNERS_PREFIX) || path.startsWith(PARTNERS_PREFIX + "/")) {
            return path.substring(PARTNERS_PREFIX.length());
        }
        return path;
    }

    /** Only POST, PUT and PATCH bodies are hashed; everything else signs an empty hash. */
    public static String bodyHash(String method, byte[] body) {
        boolean hashed = switch (method.toUpperCase(Locale.ROOT)) {
            case "POST", "PUT", "PATCH" -> body != null && body.length > 0;
            default -> false;
        };
        return hashed ? HEX.formatHex(sha256(body)) : "";
    }

    private static String hmacHex(String secret, String base) {
        return HEX.formatHex(hmac(secret, base.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SHA256 keyed with the UTF-8 bytes of {@code secret}: requests' signatures, and webhook deliveries'. */
    public static byte[] hmac(String secret, byte[] message) {
        KeyedMac keyed = MACS.get();
        if (keyed == null || !keyed.isFor(secret)) {
            keyed = new KeyedMac(secret);
            MACS.set(keyed);
        }
        return keyed.mac.doFinal(message);
    }

    private static byte[] sha256(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }

    /** A Mac and the secret it is keyed with; no toString, so that the secret never reaches a log. */
    private static final class KeyedMac {

        private final String secret;
        private final Mac mac;

        KeyedMac(String secret) {
            this.secret = secret;
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
            }
        }

        boolean isFor(String otherSecret) {
            return secret.equals(otherSecret);
        }
    }
}
