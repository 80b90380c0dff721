package io.camelcount.mock.auth;

import java.util.Objects;
import java.util.UUID;

/** What a user granted one partner app through OAuth: access to one workspace, with its token pair. */
public record AccessGrant(String clientId, UUID workspaceUuid, String accessToken, String refreshToken) {

    public AccessGrant {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(workspaceUuid, "workspaceUuid");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "AccessGrant[clientId=" + clientId + ", workspaceUuid=" + workspaceUuid + "]";
    }
}
