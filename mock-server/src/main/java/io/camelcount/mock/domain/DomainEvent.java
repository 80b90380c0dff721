package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change a workspace made, named as COUNT's webhooks name it (contract §8): {@code customer.created},
 * {@code invoice.updated}, {@code transaction.deleted}, … The workspace records its events under its lock and hands
 * them over once the lock is released; it does not know who listens, nor how they are sent.
 *
 * @param name         {@code <resource>.<created|updated|deleted>}
 * @param resourceUuid the UUID of the customer, invoice or transaction that changed
 * @param resource     the {@link Customer}, {@link Invoice} or {@link Transaction} as it now is; null once deleted
 * @param previous     the same resource as it was before; null when it was created
 * @param occurredAt   when, on the mock's clock
 */
public record DomainEvent(String name, UUID resourceUuid, Object resource, Object previous, Instant occurredAt) {

    public DomainEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceUuid, "resourceUuid");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
