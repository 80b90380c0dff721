package io.camelcount.mock.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.MockState;
import io.camelcount.mock.api.InvoiceWireFormat;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.SentEmail;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.WorkspaceSeed;

import java.util.List;
import java.util.UUID;

/**
 * The admin API's views of the mock's state. Invoices appear exactly as the partner routes show
 * them. Secrets and tokens never appear: a snapshot ends up in test logs.
 */
final class StateJson {

    private StateJson() {
    }

    static ObjectNode clock(MockState state) {
        return JsonNodeFactory.instance.objectNode()
                .put("now", state.clock().instant().toString())
                .put("today", state.clock().today().toString());
    }

    static ObjectNode snapshot(MockState state) {
        ObjectNode snapshot = clock(state);
        ArrayNode apps = snapshot.putArray("partnerApps");
        state.credentials().clientIds().forEach(apps::add);
        ArrayNode workspaces = snapshot.putArray("workspaces");
        for (WorkspaceSeed seed : state.workspaceSeeds()) {
            state.workspace(seed.uuid()).ifPresent(workspace -> workspaces.add(workspace(state, workspace)));
        }
        return snapshot;
    }

    static ObjectNode workspace(MockState state, Workspace workspace) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        WorkspaceSeed seed = state.workspaceSeeds().stream()
                .filter(candidate -> candidate.uuid().equals(workspace.uuid()))
                .findFirst()
                .orElseThrow();
        json.put("uuid", seed.uuid().toString()).put("name", seed.name()).put("currency", seed.currency());
        ArrayNode invoices = json.putArray("invoices");
        for (Invoice invoice : workspace.invoices()) {
            invoices.add(InvoiceWireFormat.toJson(invoice, workspace.today()));
        }
        ArrayNode outbox = json.putArray("outbox");
        workspace.outbox().forEach(email -> outbox.add(email(workspace.uuid(), email)));
        return json;
    }

    static ObjectNode outbox(MockState state, UUID onlyWorkspace) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode emails = json.putArray("emails");
        for (WorkspaceSeed seed : state.workspaceSeeds()) {
            if (onlyWorkspace == null || onlyWorkspace.equals(seed.uuid())) {
                state.workspace(seed.uuid()).ifPresent(workspace ->
                        workspace.outbox().forEach(email -> emails.add(email(workspace.uuid(), email))));
            }
        }
        return json;
    }

    private static ObjectNode email(UUID workspaceUuid, SentEmail email) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("workspaceId", workspaceUuid.toString())
                .put("invoiceUuid", email.invoiceUuid().toString())
                .put("invoiceNumber", email.invoiceNumber());
        addAll(json.putArray("recipients"), email.recipients());
        addAll(json.putArray("cc"), email.cc());
        addAll(json.putArray("bcc"), email.bcc());
        return json.put("subject", email.subject())
                .put("message", email.message())
                .put("attachPdf", email.attachPdf())
                .put("sentAt", email.sentAt().toString());
    }

    private static void addAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
