package io.camelcount.mock.auth;

import java.time.Instant;
import java.util.UUID;

/** A token pair handed out by the grant or refresh route. */
public record IssuedTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                           Instant refreshTokenExpiresAt, UUID workspaceUuid) {

    @Override
    public String toString() {
        return "IssuedTokens[workspaceUuid=" + workspaceUuid + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}
