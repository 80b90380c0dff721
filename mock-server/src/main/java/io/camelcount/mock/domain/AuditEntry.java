package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One change to an invoice: what was done, when, by whom, and each field's value before and after.
 * Values are plain Java values (String, BigDecimal, Boolean, LocalDate, List, Map) so that any layer can
 * render them.
 */
public record AuditEntry(UUID id, String action, Instant at, String actor, Map<String, Change> changes) {

    public record Change(Object from, Object to) {
    }

    public AuditEntry {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
