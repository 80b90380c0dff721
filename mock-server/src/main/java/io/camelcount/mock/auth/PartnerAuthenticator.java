package io.camelcount.mock.auth;

import com.github.tomakehurst.wiremock.http.Request;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * COUNT's two authentication layers on every {@code /partners} route (contract §1): the HMAC
 * signature proves the partner app, the bearer token names the workspace a user granted it.
 */
public final class PartnerAuthenticator {

    /** The token routes are signed but carry no bearer: they are how a partner obtains one. */
    private static final Set<String> SIGNED_ONLY_PATHS = Set.of("/grant-access-token", "/refresh-user-access-token");
    private static final String BEARER = "bearer ";

    private final Credentials credentials;
    private final Tokens tokens;
    private final SignatureVerifier verifier;
    private final Clock clock;

    public PartnerAuthenticator(Credentials credentials, Tokens tokens, SignatureVerifier verifier, Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * @return the workspace the bearer token grants; empty on a signed-only token route
     * @throws AuthenticationException when either layer fails (401)
     */
    public Optional<UUID> authenticate(Request request) {
        String clientId = request.getHeader("x-client-id");
        String timestamp = request.getHeader("x-timestamp");
        String signature = request.getHeader("x-signature");
        PartnerApp app = signer(clientId, timestamp, signature);
        String method = request.getMethod().getName().toUpperCase(Locale.ROOT);
        try {
            verifier.verify(method, request.getUrl(), timestamp, signature, SignedBody.of(request), app.clientSecret());
        } catch (AuthenticationException refusal) {
            throw SignedBody.explained(refusal, request);
        }
        if (SIGNED_ONLY_PATHS.contains(RequestSignature.signedPath(request.getUrl()))) {
            return Optional.empty();
        }
        return Optional.of(bearerAccess(request.getHeader("Authorization"), clientId).workspaceUuid());
    }

    /**
     * The credentials of a multipart upload, from its headers alone: an upload is signed with an empty body hash
     * (contract §1.1), so its signature and bearer token can be checked before a byte of its body is read. The
     * gateway checks the whole request again once the body is in; this only keeps an unauthenticated client from
     * making the mock read up to 100 MiB.
     *
     * @param header the request's header of a name, in any spelling; null when absent
     * @throws AuthenticationException as {@link #authenticate} would
     */
    public void authenticateUpload(String method, String url, UnaryOperator<String> header) {
        String clientId = header.apply("x-client-id");
        String timestamp = header.apply("x-timestamp");
        String signature = header.apply("x-signature");
        PartnerApp app = signer(clientId, timestamp, signature);
        verifier.verify(method.toUpperCase(Locale.ROOT), url, timestamp, signature, new byte[0], app.clientSecret());
        bearerAccess(header.apply("Authorization"), clientId);
    }

    /** The partner app that signed, once the three signing headers are there and its client ID is known. */
    private PartnerApp signer(String clientId, String timestamp, String signature) {
        requirePresent(clientId, timestamp, signature);
        return credentials.app(clientId).orElseThrow(() -> new AuthenticationException("invalid_client",
                "Unknown x-client-id \"" + clientId + "\"; send the client ID of a registered partner app."));
    }

    private static void requirePresent(String clientId, String timestamp, String signature) {
        List<String> missing = new ArrayList<>();
        if (isBlank(clientId)) {
            missing.add("x-client-id");
        }
        if (isBlank(timestamp)) {
            missing.add("x-timestamp");
        }
        if (isBlank(signature)) {
            missing.add("x-signature");
        }
        if (!missing.isEmpty()) {
            throw new AuthenticationException("missing_credentials", "Missing header " + String.join(", ", missing)
                    + ": every /partners request needs x-client-id, x-timestamp (Unix seconds) and x-signature"
                    + " (HMAC-SHA256 of the request).");
        }
    }

    private WorkspaceAccess bearerAccess(String authorization, String clientId) {
        if (isBlank(authorization) || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new AuthenticationException("invalid_token",
                    "Missing bearer token: send the header \"Authorization: Bearer <accessToken>\".");
        }
        String token = authorization.substring(BEARER.length()).trim();
        WorkspaceAccess access = tokens.access(token)
                .filter(granted -> granted.clientId().equals(clientId))
                .orElseThrow(() -> new AuthenticationException("invalid_token", "The bearer access token is unknown"
                        + " or was not issued to client \"" + clientId + "\"; use the access token this client"
                        + " obtained from /partners/grant-access-token."));
        if (access.expiredAt(clock.instant())) {
            throw AuthenticationException.tokenExpired();
        }
        return access;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
