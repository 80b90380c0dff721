package io.camelcount.mock.auth;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.ApiResponse;
import io.camelcount.mock.api.PartnerApiTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * COUNT's two authentication layers on every {@code /partners} route (contract §1): the HMAC
 * signature proves the partner app, the bearer token names the workspace a user granted it. A
 * request that passes goes on carrying that workspace; one that fails is answered 401 here and never
 * reaches the API.
 */
public final class PartnerAuthFilter implements StubRequestFilterV2 {

    /** The token routes are signed but carry no bearer: they are how a partner obtains one. */
    private static final Set<String> SIGNED_ONLY_PATHS = Set.of("/grant-access-token", "/refresh-user-access-token");
    private static final String BEARER = "bearer ";

    private final Credentials credentials;
    private final SignatureVerifier verifier;

    public PartnerAuthFilter(Credentials credentials, SignatureVerifier verifier) {
        this.credentials = credentials;
        this.verifier = verifier;
    }

    @Override
    public String getName() {
        return "count-partner-authentication";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        Request stripped = RequestWrapper.create()
                .removeHeader(PartnerApiTransformer.AUTHENTICATED_WORKSPACE_HEADER)
                .wrap(request);
        String path = RequestSignature.urlPath(request.getUrl());
        if (!path.equals("/partners") && !path.startsWith("/partners/")) {
            return RequestFilterAction.continueWith(stripped);
        }
        try {
            UUID workspace = authenticate(request);
            if (workspace == null) {
                return RequestFilterAction.continueWith(stripped);
            }
            // A second wrapper, because one RequestWrapper would also strip the header it adds.
            return RequestFilterAction.continueWith(RequestWrapper.create()
                    .addHeader(PartnerApiTransformer.AUTHENTICATED_WORKSPACE_HEADER, workspace.toString())
                    .wrap(stripped));
        } catch (AuthenticationException refusal) {
            return RequestFilterAction.stopWith(ApiResponse.error(401, refusal.code(), refusal.getMessage(), null).render());
        }
    }

    /** @return the workspace the bearer token grants, or null on a signed-only route */
    private UUID authenticate(Request request) {
        String clientId = request.getHeader("x-client-id");
        String timestamp = request.getHeader("x-timestamp");
        String signature = request.getHeader("x-signature");
        requirePresent(clientId, timestamp, signature);
        PartnerApp app = credentials.app(clientId).orElseThrow(() -> new AuthenticationException("invalid_client",
                "Unknown x-client-id \"" + clientId + "\"; send the client ID of a registered partner app."));
        String method = request.getMethod().getName().toUpperCase(Locale.ROOT);
        // Contract §1.1: a multipart upload is not JSON, so it is signed with an empty body hash.
        byte[] body = request.getBody() == null || request.isMultipart() ? new byte[0] : request.getBody();
        verifier.verify(method, request.getUrl(), timestamp, signature, body, app.clientSecret());
        if (SIGNED_ONLY_PATHS.contains(RequestSignature.signedPath(request.getUrl()))) {
            return null;
        }
        return bearerGrant(request.getHeader("Authorization"), clientId).workspaceUuid();
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

    private AccessGrant bearerGrant(String authorization, String clientId) {
        if (isBlank(authorization) || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new AuthenticationException("invalid_token",
                    "Missing bearer token: send the header \"Authorization: Bearer <accessToken>\".");
        }
        String token = authorization.substring(BEARER.length()).trim();
        return credentials.grantForAccessToken(token)
                .filter(grant -> grant.clientId().equals(clientId))
                .orElseThrow(() -> new AuthenticationException("invalid_token", "The bearer access token is unknown"
                        + " or was not issued to client \"" + clientId + "\"; use the access token this client"
                        + " obtained from /partners/grant-access-token."));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
