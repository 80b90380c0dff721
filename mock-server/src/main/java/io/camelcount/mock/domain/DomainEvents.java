package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The events a workspace recorded during one call, in the order the changes were made. Not thread-safe: the
 * workspace records and drains them under its lock.
 */
final class DomainEvents {

    private final Supplier<Instant> now;
    private final List<DomainEvent> recorded = new ArrayList<>();

    DomainEvents(Supplier<Instant> now) {
        this.now = now;
    }

    void created(String resource, UUID uuid, Object created) {
        recorded.add(new DomainEvent(resource + ".created", uuid, created, null, now.get()));
    }

    /** A change that changed nothing (an update answering the same resource) is no event. */
    void updated(String resource, UUID uuid, Object before, Object after) {
        if (!after.equals(before)) {
            recorded.add(new DomainEvent(resource + ".updated", uuid, after, before, now.get()));
        }
    }

    void deleted(String resource, UUID uuid, Object last) {
        recorded.add(new DomainEvent(resource + ".deleted", uuid, null, last, now.get()));
    }

    /** What was recorded since the last drain, and forgets it. */
    List<DomainEvent> drain() {
        List<DomainEvent> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }
}
