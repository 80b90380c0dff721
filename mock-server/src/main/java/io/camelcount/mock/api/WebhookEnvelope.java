package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.DomainEvent;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.Transaction;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.json.JavaScriptJson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A webhook delivery's body (contract §8): {@code {"id","event","apiVersion":"1","occurredAt","team":{"id","name"},
 * "data","previousData"}}, with the resource exactly as the partner API answers it (in the contract's default form),
 * so that a receiver reads it with the client's own code.
 *
 * <p>Decision (mock), where COUNT's documented example is silent: {@code id} is the delivery's UUID, the same as
 * {@code X-Webhook-Id}; {@code previousData} is null for a created resource; a deleted one's {@code data} is
 * {@code {"id"}} (contract §8 for invoices; customers and transactions alike) and its {@code previousData} the
 * resource as it was.
 */
public final class WebhookEnvelope {

    private WebhookEnvelope() {
    }

    public static byte[] render(UUID deliveryId, DomainEvent event, Workspace workspace) {
        LocalDate today = workspace.today();
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
                .put("id", deliveryId.toString())
                .put("event", event.name())
                .put("apiVersion", "1")
                .put("occurredAt", event.occurredAt().toString());
        envelope.putObject("team").put("id", workspace.uuid().toString()).put("name", workspace.name());
        envelope.set("data", event.resource() == null
                ? JsonNodeFactory.instance.objectNode().put("id", event.resourceUuid().toString())
                : toJson(event.resource(), today));
        envelope.set("previousData", event.previous() == null ? NullNode.getInstance() : toJson(event.previous(), today));
        return JavaScriptJson.stringify(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode toJson(Object resource, LocalDate today) {
        if (resource instanceof Invoice invoice) {
            return InvoiceJson.toJson(invoice, today);
        }
        if (resource instanceof Customer customer) {
            return CustomersHandler.toJson(customer);
        }
        if (resource instanceof Transaction transaction) {
            return TransactionsHandler.toJson(transaction);
        }
        throw new IllegalArgumentException("No webhook event is defined for a " + resource.getClass().getSimpleName());
    }
}
