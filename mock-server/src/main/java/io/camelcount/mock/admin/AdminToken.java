package io.camelcount.mock.admin;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.security.Authenticator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secret that opens the admin API ({@code /__admin}, WireMock's routes and the mock's own) when one is
 * configured, sent as {@code Authorization: Bearer <token>}. WireMock's own Java client sends
 * {@code Authorization: Token <token>} ({@code ClientTokenAuthenticator}), so that scheme is taken too.
 * <p>
 * Only the SHA-256 digest is kept, and a presented token is compared by digest with
 * {@link MessageDigest#isEqual}: the time taken says nothing about how much of the token was right, nor
 * how long it is. {@link #toString()} never shows the token, so it cannot reach a log by accident.
 */
public final class AdminToken implements Authenticator {

    public static final int MIN_LENGTH = 16;
    /** RFC 6750's b64token: what fits in an Authorization header as is. */
    private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** Bearer, and {@code Token}: the scheme of WireMock's {@code TokenAuthenticator}. */
    private static final Set<String> SCHEMES = Set.of("bearer", "token");

    private final byte[] digest;

    private AdminToken(String token) {
        this.digest = sha256(token);
    }

    /**
     * @throws IllegalArgumentException when {@code token} is shorter than {@value #MIN_LENGTH} characters or
     *                                  holds characters a bearer token cannot (spaces, quotes, non-ASCII)
     */
    public static AdminToken of(String token) {
        if (token == null || token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("The admin token must be at least " + MIN_LENGTH
                    + " characters long (for example the output of `openssl rand -hex 32`)");
        }
        if (!TOKEN_CHARACTERS.matcher(token).matches()) {
            throw new IllegalArgumentException("The admin token may hold only letters, digits and - . _ ~ + / ="
                    + " (for example the output of `openssl rand -hex 32`)");
        }
        return new AdminToken(token);
    }

    /** True when the request carries exactly one Authorization header, naming this token. */
    @Override
    public boolean authenticate(Request request) {
        HttpHeader authorization = request.header("Authorization");
        if (!authorization.isPresent() || authorization.values().size() != 1) {
            return false;
        }
        String credentials = presented(authorization.firstValue());
        return credentials != null && MessageDigest.isEqual(digest, sha256(credentials));
    }

    /** Whether the request sends any Authorization header: a missing token and a wrong one are told apart. */
    static boolean presentedBy(Request request) {
        return request.header("Authorization").isPresent();
    }

    /** The credentials after a {@code Bearer} or {@code Token} scheme (any case, RFC 7235); null for another scheme. */
    private static String presented(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        return SCHEMES.contains(scheme) ? authorization.substring(space + 1).strip() : null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdminToken token && MessageDigest.isEqual(digest, token.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
