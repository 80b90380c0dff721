package io.camelcount.component.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One change to an invoice, as COUNT recorded it. */
public class AuditLogEntry extends CountObject {

    /** COUNT's {@code id}; older answers call it {@code uuid} (contract §2). */
    @JsonAlias("uuid")
    private String id;
    private String action;
    private Instant at;
    private String actor;
    private Map<String, Object> changes;

    public String getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public Map<String, Object> getChanges() {
        return changes;
    }

    @Override
    public String toString() {
        return "AuditLogEntry[" + at + " " + action + " by " + actor + "]";
    }
}
