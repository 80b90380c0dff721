package io.camelcount.mock.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What an access token, refresh token or authorization code stands for: one partner app acting on
 * one workspace, until {@code expiresAt} (null: the mock's seeded credentials, which do not expire
 * by themselves).
 */
public record WorkspaceAccess(String clientId, UUID workspaceUuid, Instant expiresAt) {

    public WorkspaceAccess {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(workspaceUuid, "workspaceUuid");
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The same access, expiring at {@code latest} unless it already expires earlier. */
    WorkspaceAccess expiringBy(Instant latest) {
        return expiresAt != null && expiresAt.isBefore(latest) ? this : new WorkspaceAccess(clientId, workspaceUuid, latest);
    }
}
