package io.camelcount.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.http.ResourceId;

/**
 * The customers COUNT found by email ({@code customers findByEmail}), or created, in one workspace, so that a route that looks up
 * the same customer for every deal, sale or CSV row asks COUNT once per {@code customerCacheTtl} instead: COUNT allows
 * a client ID 100 requests a minute, and a lookup is often a third of what a business outcome costs.
 * <p>
 * Bounded twice: an answer is used only while it is younger than the asking endpoint's {@code customerCacheTtl}, and
 * at most {@link #MAX_CUSTOMERS} are kept, the least recently used going first. A customer is forgotten as soon as
 * COUNT answers 404 for it (deleted meanwhile: a create that names it, a get), or it is changed or deleted through
 * the component, so the next lookup asks COUNT again. Thread-safe.
 */
final class CustomerCache {

    /** A few megabytes of customers at most: a workspace's regular customers, not its whole address book. */
    static final int MAX_CUSTOMERS = 10_000;

    private record Found(JsonNode customer, String uuid, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Found> byEmail = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Found> eldest) {
            return size() > MAX_CUSTOMERS;
        }
    };

    CustomerCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the customer found by {@code email} less than {@code ttl} ago, or {@code null} */
    synchronized JsonNode find(String email, Duration ttl) {
        Found found = byEmail.get(email);
        if (found == null) {
            return null;
        }
        if (!found.at().plus(ttl).isAfter(clock.instant())) {
            byEmail.remove(email);
            return null;
        }
        return found.customer();
    }

    synchronized void remember(String email, JsonNode customer) {
        byEmail.put(email, new Found(customer, ResourceId.of(customer), clock.instant()));
    }

    /** Forgets the customer with this UUID, under whichever email it was found; nothing when {@code uuid} is null. */
    synchronized void forget(String uuid) {
        if (uuid != null) {
            byEmail.values().removeIf(found -> uuid.equals(found.uuid()));
        }
    }

    /** After a change to many customers at once (a bulk update), which may have changed any of their emails. */
    synchronized void forgetAll() {
        byEmail.clear();
    }

    synchronized int size() {
        return byEmail.size();
    }
}
