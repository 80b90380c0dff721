package io.camelcount.mock.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.api.WebhooksHandler;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.webhook.DeliveryAttempt;
import io.camelcount.mock.webhook.DeliveryStatus;
import io.camelcount.mock.webhook.Subscription;
import io.camelcount.mock.webhook.WebhookFaultKind;
import io.camelcount.mock.webhook.WebhookFaultRule;
import io.camelcount.mock.webhook.WebhookFaults;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Webhook subscriptions, deliveries and delivery faults as the admin API reads and shows them; never a secret. */
final class WebhookJson {

    static final Set<String> FAULT_FIELDS = Set.of("kind", "event", "probability", "times", "seed", "delaySeconds");
    private static final long DEFAULT_DELAY_SECONDS = 60;

    private WebhookJson() {
    }

    static WebhookFaultRule rule(AdminRequest request) {
        WebhookFaultKind kind = request.text("kind")
                .map(name -> WebhookFaultKind.fromWireName(name).orElseThrow(() -> DomainException.validation("kind",
                        "kind must be one of " + WebhookFaultKind.wireNames())))
                .orElseThrow(() -> DomainException.validation("kind", "kind is required: one of "
                        + WebhookFaultKind.wireNames()));
        return new WebhookFaultRule(kind, request.text("event").orElse(null), request.number("probability").orElse(1.0),
                request.integer("times").map(FaultJson::toInt).orElse(null), FaultJson.seed(request),
                Duration.ofSeconds(request.integer("delaySeconds").orElse(DEFAULT_DELAY_SECONDS)));
    }

    static ObjectNode faults(List<WebhookFaults.Status> faults) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode list = data.putArray("faults");
        faults.forEach(fault -> list.add(fault(fault)));
        return data;
    }

    static ObjectNode fault(WebhookFaults.Status fault) {
        WebhookFaultRule rule = fault.rule();
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", fault.id())
                .put("kind", rule.kind().wireName())
                .put("event", rule.event());
        if (rule.kind() == WebhookFaultKind.DELAY) {
            json.put("delaySeconds", rule.delay().toSeconds());
        }
        return json.put("probability", rule.probability())
                .put("times", rule.times())
                .put("seed", rule.seed())
                .put("hits", fault.hits())
                .put("remaining", rule.times() == null ? null : rule.times() - fault.hits());
    }

    static ObjectNode deliveries(List<DeliveryStatus> deliveries) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode list = data.putArray("deliveries");
        deliveries.forEach(delivery -> list.add(delivery(delivery)));
        return data;
    }

    static ObjectNode delivery(DeliveryStatus delivery) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", delivery.id().toString())
                .put("workspaceId", delivery.workspaceUuid().toString())
                .put("subscriptionUuid", delivery.subscriptionUuid().toString())
                .put("event", delivery.event())
                .put("callbackUrl", delivery.callbackUrl())
                .put("state", delivery.state())
                .put("createdAt", delivery.createdAt().toString())
                .put("nextAttemptAt", delivery.nextAttemptAt() == null ? null : delivery.nextAttemptAt().toString())
                .put("fault", delivery.fault());
        ArrayNode attempts = json.putArray("attempts");
        for (DeliveryAttempt attempt : delivery.attempts()) {
            attempts.addObject()
                    .put("number", attempt.number())
                    .put("at", attempt.at().toString())
                    .put("outcome", attempt.outcome())
                    .put("responseStatus", attempt.responseStatus())
                    .put("error", attempt.error());
        }
        return json;
    }

    static ObjectNode subscriptions(List<Subscription> subscriptions) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode list = data.putArray("webhooks");
        for (Subscription subscription : subscriptions) {
            list.add(WebhooksHandler.toJson(subscription)
                    .put("workspaceId", subscription.workspaceUuid().toString())
                    .put("clientId", subscription.clientId()));
        }
        return data;
    }
}
