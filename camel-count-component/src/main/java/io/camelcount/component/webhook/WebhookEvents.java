package io.camelcount.component.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Transaction;

/**
 * The events of COUNT's webhooks v1 that the component routes, and the model each one's {@code data} is read into
 * (contract §8). {@code vendor.*} and {@code bill.*} exist in COUNT but are out of this component's scope.
 */
public final class WebhookEvents {

    private static final Map<String, Class<?>> RESOURCES = new LinkedHashMap<>();
    private static final List<String> ACTIONS = List.of("created", "updated", "deleted");
    private static final String DELETED = ".deleted";

    static {
        RESOURCES.put("invoice", Invoice.class);
        RESOURCES.put("customer", Customer.class);
        RESOURCES.put("transaction", Transaction.class);
    }

    private WebhookEvents() {
    }

    /** Every event the component knows, such as {@code invoice.updated}. */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        RESOURCES.keySet().forEach(resource -> ACTIONS.forEach(action -> all.add(resource + "." + action)));
        return all;
    }

    /**
     * @param  events                   a comma list, as the {@code events} option takes it
     * @throws IllegalArgumentException naming the known events, when one is not among them or the list is empty
     */
    public static Set<String> parse(String events) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String event : events == null ? new String[0] : events.split(",")) {
            if (!event.isBlank()) {
                parsed.add(event.strip());
            }
        }
        List<String> unknown = parsed.stream().filter(event -> !all().contains(event)).toList();
        if (parsed.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException((parsed.isEmpty() ? "no events" : "the unknown events " + unknown)
                                               + "; the events are " + String.join(", ", all()));
        }
        return parsed;
    }

    /** The model of the event's resource; {@code null} for an event the component does not know. */
    static Class<?> modelOf(String event) {
        int dot = event.indexOf('.');
        return dot < 0 ? null : RESOURCES.get(event.substring(0, dot));
    }

    /** A deletion's {@code data} is only the deleted resource's {@code id}. */
    static boolean isDeletion(String event) {
        return event.endsWith(DELETED);
    }
}
