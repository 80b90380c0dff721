package io.camelcount.component.webhook;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.http.ResourceId;
import io.camelcount.component.json.CountJson;

/**
 * One delivery as the route receives it, read from COUNT's envelope {@code {"id","event","apiVersion","occurredAt",
 * "team":{"id","name"},"data","previousData"}} (contract §8).
 *
 * @param event      the event, from the signed envelope rather than the unsigned {@code X-Webhook-Event} header
 * @param uuid       the resource's UUID
 * @param resource   the resource as its model ({@code Invoice}, {@code Customer}, ...); for a deletion, its UUID
 * @param previous   the resource before the change, as the same model; {@code null} when COUNT sent none
 * @param occurredAt when the event happened; {@code null} when COUNT did not say
 * @param teamId     the workspace the event happened in; {@code null} when COUNT did not say
 */
public record WebhookDelivery(String event, String uuid, Object resource, Object previous, Instant occurredAt,
                              String teamId) {

    /**
     * @param  body                     the raw body, whose signature has been checked
     * @throws IllegalArgumentException when the body is not an envelope of a known event that the model can read
     */
    public static WebhookDelivery read(byte[] body) {
        JsonNode envelope;
        try {
            envelope = CountJson.parse(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        String event = text(envelope.get("event"));
        Class<?> model = event == null ? null : WebhookEvents.modelOf(event);
        JsonNode data = envelope.get("data");
        if (model == null || data == null || !data.isObject()) {
            throw new IllegalArgumentException("the body is not an envelope of a known event with its data");
        }
        String uuid = ResourceId.of(data);
        if (uuid == null && WebhookEvents.isDeletion(event)) {
            throw new IllegalArgumentException("the deletion does not say what was deleted");
        }
        JsonNode previous = envelope.get("previousData");
        return new WebhookDelivery(event, uuid,
                WebhookEvents.isDeletion(event) ? uuid : CountJson.convert(data, model),
                previous != null && previous.isObject() && !previous.isEmpty() ? CountJson.convert(previous, model) : null,
                instant(envelope.get("occurredAt")), text(envelope.path("team").get("id")));
    }

    private static String text(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(JsonNode value) {
        return text(value) == null ? null : CountJson.convert(value, Instant.class);
    }
}
