package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.DomainEvent;
import io.camelcount.mock.domain.Workspace;

import java.util.UUID;

/** The body of a delivery: the envelope of contract §8, with the resource as the partner API shows it. */
@FunctionalInterface
public interface EventPayload {

    byte[] render(UUID deliveryId, DomainEvent event, Workspace workspace);
}
