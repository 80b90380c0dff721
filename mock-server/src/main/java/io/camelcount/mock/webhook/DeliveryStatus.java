package io.camelcount.mock.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as the admin API shows it; never its signing secret.
 *
 * @param state         {@code pending}, {@code delivered} or {@code givenUp}
 * @param nextAttemptAt when a pending delivery is next tried, on the mock's clock; null otherwise
 * @param fault         the injected fault that hit it, or null
 */
public record DeliveryStatus(UUID id, UUID workspaceUuid, UUID subscriptionUuid, String event, String callbackUrl,
                             String state, Instant createdAt, Instant nextAttemptAt, String fault,
                             List<DeliveryAttempt> attempts) {
}
