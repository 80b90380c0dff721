package io.camelcount.mock.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A partner app's webhook subscription in one workspace (contract §8): one event, delivered to one callback URL,
 * signed with the secret when there is one. The secret is never answered nor logged: {@link #toString()} leaves it out.
 *
 * @param signingSecret null when deliveries are not signed
 */
public record Subscription(UUID uuid, UUID workspaceUuid, String clientId, String event, String callbackUrl,
                           String signingSecret, SubscriptionStatus status, Instant createdAt, Instant updatedAt) {

    public Subscription {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(workspaceUuid, "workspaceUuid");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean hasSigningSecret() {
        return signingSecret != null;
    }

    boolean delivers(UUID workspace, String eventName) {
        return status == SubscriptionStatus.ACTIVE && workspaceUuid.equals(workspace) && event.equals(eventName);
    }

    @Override
    public String toString() {
        return "Subscription[uuid=" + uuid + ", workspaceUuid=" + workspaceUuid + ", clientId=" + clientId + ", event="
                + event + ", callbackUrl=" + callbackUrl + ", hasSigningSecret=" + hasSigningSecret() + ", status="
                + status + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
