package io.camelcount.mock.domain;

import java.util.Objects;
import java.util.UUID;

/** Who made a change, as the audit log names it: a partner app, the customer paying, or a recurring template. */
public record Actor(String name) {

    /** A customer pays; whether through the public invoice page or recorded for them, the payer is the customer. */
    public static final Actor CUSTOMER = new Actor("customer");

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor partner(String clientId) {
        return new Actor("partner:" + clientId);
    }

    static Actor recurringTemplate(UUID templateUuid) {
        return new Actor("recurring-template:" + templateUuid);
    }
}
