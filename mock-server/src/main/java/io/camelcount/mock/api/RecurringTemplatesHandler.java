package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.NewRecurringTemplate;
import io.camelcount.mock.domain.RecurrencePattern;
import io.camelcount.mock.domain.RecurringTemplate;
import io.camelcount.mock.domain.RecurringTemplateUpdate;

import java.util.HashSet;
import java.util.Set;

/** {@code /partners/recurring-invoice-templates} (contract §4). */
public final class RecurringTemplatesHandler {

    /** The invoice fields (but not isDraft: pause and resume change that) plus the schedule. */
    private static final Set<String> WRITABLE = writable();
    /** A create also reads isDraft, to refuse one that asks to start active: new templates start paused. */
    private static final Set<String> CREATABLE = creatable();
    /** {@code id} is the template's own UUID; {@code uuid} is how older answers named it. */
    private static final Set<String> READ_ONLY = Set.of("id", "uuid", "customerName", "isDraft", "subtotal", "nextRunDate",
            "lastRunDate", "createdAt", "updatedAt");
    private static final String PATTERNS = "daily, weekly, biweekly, monthly, quarterly or yearly";

    private static Set<String> creatable() {
        Set<String> fields = new HashSet<>(WRITABLE);
        fields.add("isDraft");
        return Set.copyOf(fields);
    }

    private static Set<String> writable() {
        Set<String> fields = new HashSet<>(InvoicesHandler.WRITABLE);
        fields.remove("isDraft");
        fields.addAll(Set.of("recurrencePattern", "recurrenceInterval", "inAdvanceCreationDays"));
        return Set.copyOf(fields);
    }

    /** {@code isDraft}: true lists paused templates, false (the default) active ones, all both. */
    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        String search = query.text("search");
        var templates = request.workspace().templates(search, draftFilter(query.text("isDraft")));
        return ApiResponse.success(200, "Recurring invoice templates retrieved",
                paging.render(templates, RecurringTemplatesHandler::toJson));
    }

    /** @return the workspace's filter: null (no filter) for {@code all} */
    private static Boolean draftFilter(String isDraft) {
        return switch (isDraft == null ? "false" : isDraft) {
            case "true" -> true;
            case "false" -> false;
            case "all" -> null;
            default -> throw DomainException.validation("isDraft",
                    "isDraft must be true (paused), false (active, the default) or all, got \"" + isDraft + "\"");
        };
    }

    /** Fields COUNT sets itself, or does not know, are reported and ignored, as on an update. */
    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        var warnings = PartnerWarning.check(body, CREATABLE, READ_ONLY, "a recurring invoice template");
        RecurringTemplate template = request.workspace().createTemplate(newTemplate(body));
        return ApiResponse.success(201, "Recurring invoice template created", toJson(template)).withWarnings(warnings);
    }

    ApiResponse get(ApiRequest request) {
        RecurringTemplate template = request.workspace().template(request.uuidParameter("uuid"));
        return ApiResponse.success(200, "Recurring invoice template retrieved", toJson(template));
    }

    ApiResponse update(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        var warnings = PartnerWarning.check(body, WRITABLE, READ_ONLY, "a recurring invoice template");
        var update = new RecurringTemplateUpdate(newTemplate(body), InvoicesHandler.sentFields(body, WRITABLE));
        RecurringTemplate template = request.workspace().updateTemplate(uuid, update);
        return ApiResponse.success(200, "Recurring invoice template updated", toJson(template)).withWarnings(warnings);
    }

    ApiResponse delete(ApiRequest request) {
        RecurringTemplate deleted = request.workspace().deleteTemplate(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Recurring invoice template deleted", deleted.uuid());
    }

    ApiResponse pause(ApiRequest request) {
        RecurringTemplate template = request.workspace().pauseTemplate(request.uuidParameter("uuid"));
        return ApiResponse.success(200, "Recurring invoice template paused", toJson(template));
    }

    ApiResponse resume(ApiRequest request) {
        RecurringTemplate template = request.workspace().resumeTemplate(request.uuidParameter("uuid"));
        return ApiResponse.success(200, "Recurring invoice template resumed", toJson(template));
    }

    private static NewRecurringTemplate newTemplate(JsonBody body) {
        return new NewRecurringTemplate(InvoiceJson.newInvoice(body),
                body.choice("recurrencePattern", RecurrencePattern::fromWireName, PATTERNS),
                body.integer("recurrenceInterval"),
                body.integer("inAdvanceCreationDays"));
    }

    static ObjectNode toJson(RecurringTemplate template) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", template.uuid().toString());
        InvoiceJson.putContent(json, template.content());
        return json.put("recurrencePattern", template.recurrencePattern().wireName())
                .put("recurrenceInterval", template.recurrenceInterval())
                .put("inAdvanceCreationDays", template.inAdvanceCreationDays())
                .put("isDraft", template.isDraft())
                .put("status", template.isDraft() ? "paused" : "active")
                .put("subtotal", template.content().subtotal())
                .put("total", template.content().total())
                .put("nextRunDate", template.nextRunDate() == null ? null : template.nextRunDate().toString())
                .put("lastRunDate", template.lastRunDate() == null ? null : template.lastRunDate().toString())
                .put("createdAt", template.createdAt().toString())
                .put("updatedAt", template.updatedAt().toString());
    }
}
