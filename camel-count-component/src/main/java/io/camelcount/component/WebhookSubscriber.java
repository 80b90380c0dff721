package io.camelcount.component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperations;
import io.camelcount.component.http.CountCalls;
import io.camelcount.component.http.CountRequest;
import io.camelcount.component.http.Pages;
import io.camelcount.component.http.RequestContent;
import io.camelcount.component.http.ResourceId;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.json.JavaScriptJson;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.WebhookSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure COUNT has a subscription for each event to a callback URL ({@code subscribe=true}), so that starting a
 * route again, or a second instance, subscribes nothing twice: COUNT would deliver each event once per subscription,
 * under different delivery IDs that no de-duplication can match.
 */
final class WebhookSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscriber.class);
    private static final CountOperation LIST = CountOperations.of("webhooks", "list");
    private static final CountOperation CREATE = CountOperations.of("webhooks", "create");
    private static final CountOperation UPDATE = CountOperations.of("webhooks", "update");

    private final CountCalls calls;

    WebhookSubscriber(CountCalls calls) {
        this.calls = calls;
    }

    /**
     * Creates each missing subscription with the signing secret. An existing one is given the signing secret again,
     * since COUNT never tells which one it holds and the route checks deliveries with this one; its status is left
     * as the workspace set it (a paused subscription stays paused, and a warning says so).
     */
    void subscribe(Collection<String> events, String callbackUrl, String signingSecret) {
        List<JsonNode> existing = subscriptionsTo(callbackUrl);
        for (String event : events) {
            List<JsonNode> matching = existing.stream().filter(found -> event.equals(found.path("event").asText())).toList();
            ObjectNode body = CountJson.mapper().createObjectNode();
            if (matching.isEmpty()) {
                body.put("event", event).put("callbackUrl", callbackUrl).put("signingSecret", signingSecret);
                calls.call(CREATE, request(CREATE, null, body));
                LOG.info("Subscribed to COUNT's {} at {}", event, callbackUrl);
                continue;
            }
            JsonNode subscription = matching.get(0);
            calls.call(UPDATE, request(UPDATE, ResourceId.of(subscription), body.put("signingSecret", signingSecret)));
            String status = subscription.path("status").asText("active");
            if (!status.equals("active")) {
                LOG.warn("COUNT's subscription to {} at {} is {}: COUNT delivers nothing until it is active again", event,
                        callbackUrl, status);
            }
            if (matching.size() > 1) {
                LOG.warn("COUNT has {} subscriptions to {} at {}: each delivers every event under its own delivery ID,"
                         + " so the route sees each event {} times; delete all but {}", matching.size(), event,
                        callbackUrl, matching.size(), ResourceId.of(subscription));
            }
        }
    }

    private List<JsonNode> subscriptionsTo(String callbackUrl) {
        CountRequest first = new CountRequest(LIST.toString(), LIST.method(),
                CountProducer.PARTNERS + LIST.path(null) + "?page=1&limit=100", null);
        Iterator<JsonNode> all = new AllRecords<>(page(first), next -> page(first.onPage(next)));
        List<JsonNode> matching = new ArrayList<>();
        all.forEachRemaining(subscription -> {
            if (callbackUrl.equals(subscription.path("callbackUrl").asText())) {
                matching.add(subscription);
            }
        });
        return matching;
    }

    private Page<JsonNode> page(CountRequest request) {
        return Pages.read(calls.call(LIST, request), request, WebhookSubscription.class);
    }

    private static CountRequest request(CountOperation operation, String uuid, ObjectNode body) {
        return new CountRequest(operation.toString(), operation.method(), CountProducer.PARTNERS + operation.path(uuid),
                new RequestContent.Json(JavaScriptJson.write(body).getBytes(StandardCharsets.UTF_8)));
    }
}
