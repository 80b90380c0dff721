package io.camelcount.mock.auth;

import java.util.Map;
import java.util.UUID;

/**
 * Every token and code {@link Tokens} holds, read at one moment: what a data directory saves and
 * {@link Tokens#restore} installs again. Holds secrets, so its {@link #toString()} shows only counts.
 *
 * @param consentWorkspaces the workspace the mock's consent page picks for each client ID
 */
public record TokenState(Map<String, WorkspaceAccess> accessTokens, Map<String, RefreshToken> refreshTokens,
                         Map<String, WorkspaceAccess> authorizationCodes, Map<String, UUID> consentWorkspaces) {

    /** A refresh token's access, and the access token issued with it (which a rotation puts on a clock). */
    public record RefreshToken(WorkspaceAccess access, String pairedAccessToken) {

        @Override
        public String toString() {
            return "RefreshToken[access=" + access + "]";
        }
    }

    public TokenState {
        accessTokens = Map.copyOf(accessTokens);
        refreshTokens = Map.copyOf(refreshTokens);
        authorizationCodes = Map.copyOf(authorizationCodes);
        consentWorkspaces = Map.copyOf(consentWorkspaces);
    }

    @Override
    public String toString() {
        return "TokenState[" + accessTokens.size() + " access tokens, " + refreshTokens.size() + " refresh tokens, "
                + authorizationCodes.size() + " codes]";
    }
}
