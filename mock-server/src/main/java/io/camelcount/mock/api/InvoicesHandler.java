package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceFilter;
import io.camelcount.mock.domain.InvoicePage;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.InvoiceUpdate;
import io.camelcount.mock.domain.Workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code /partners/invoices}: translates each call into one workspace operation. */
public final class InvoicesHandler {

    /** What a partner may change on a draft (contract §3). */
    static final Set<String> WRITABLE = Set.of("customerUuid", "date", "dueDate", "invoiceType", "invoiceNumber",
            "currency", "discount", "discountDescription", "notes", "tagUuids", "isDraft", "appliedToInvoiceUuid",
            "products");
    /**
     * The invoice object's fields that COUNT derives or assigns; {@code id} is the invoice's own UUID, and
     * {@code uuid} how older answers named it.
     */
    static final Set<String> READ_ONLY = Set.of("id", "uuid", "customerName", "subtotal", "amountPaid", "creditsApplied",
            "balanceDue", "remainingCredit", "creditApplications", "payments", "attachments", "createdAt", "updatedAt");
    private static final String STATUSES = Set.of(InvoiceStatus.values()).stream().map(InvoiceStatus::wireName).sorted()
            .collect(Collectors.joining(", "));

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        InvoiceFilter filter = new InvoiceFilter(
                query.text("search"),
                query.choices("status", InvoiceStatus::fromWireName, "statuses (" + STATUSES + ")"),
                query.choice("approvalStatus", InvoicesHandler::approvalStatus, "draft or approved"),
                query.uuid("customerUuid"),
                query.uuids("customerUuids"),
                query.date("startDate"),
                query.date("endDate"),
                query.choice("invoiceType", InvoiceType::fromWireName, "invoice, estimate or memo"),
                query.bool("isDraft"));
        Workspace workspace = request.workspace();
        InvoicePage page = workspace.invoices(filter, paging.offset(), paging.limit());
        LocalDate today = workspace.today();
        return ApiResponse.success(200, "Invoices retrieved",
                paging.render(page.records(), page.totalRecords(), invoice -> InvoiceJson.toJson(invoice, today)));
    }

    private static Optional<Boolean> approvalStatus(String text) {
        return switch (text) {
            case "draft" -> Optional.of(false);
            case "approved" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    /** Fields COUNT sets itself, or does not know, are reported and ignored, as on an update. */
    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        List<PartnerWarning> warnings = PartnerWarning.check(body, WRITABLE, READ_ONLY, "an invoice");
        Invoice invoice = request.workspace().createInvoice(request.actor(), InvoiceJson.newInvoice(body));
        return respond(201, "Invoice created", invoice, request.workspace()).withWarnings(warnings);
    }

    ApiResponse get(ApiRequest request) {
        Invoice invoice = request.workspace().invoice(request.uuidParameter("uuid"));
        return respond(200, "Invoice retrieved", invoice, request.workspace());
    }

    /** Only the fields sent change; fields COUNT sets itself, or does not know, are reported and ignored. */
    ApiResponse update(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        List<PartnerWarning> warnings = PartnerWarning.check(body, WRITABLE, READ_ONLY, "an invoice");
        InvoiceUpdate update = new InvoiceUpdate(InvoiceJson.newInvoice(body), sentFields(body, WRITABLE));
        Invoice invoice = request.workspace().updateInvoice(request.actor(), uuid, update);
        return respond(200, "Invoice updated", invoice, request.workspace()).withWarnings(warnings);
    }

    ApiResponse delete(ApiRequest request) {
        Invoice deleted = request.workspace().deleteInvoice(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Invoice deleted", deleted.uuid());
    }

    /** Any body is ignored: approving takes no options, and some clients send {@code {}}. */
    ApiResponse approve(ApiRequest request) {
        Invoice invoice = request.workspace().approve(request.actor(), request.uuidParameter("uuid"));
        return respond(200, "Invoice approved", invoice, request.workspace());
    }

    ApiResponse send(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        Invoice invoice = request.workspace().send(request.actor(), uuid, InvoiceJson.sendInvoice(request.json(false)));
        return respond(200, "Invoice sent", invoice, request.workspace());
    }

    /** The customer-facing page ({@code web/}), on the host the partner called, so that the link works from there. */
    ApiResponse publicLink(ApiRequest request) {
        Invoice invoice = request.workspace().publishedInvoice(request.uuidParameter("uuid"));
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("url", request.baseUrl() + "/public/invoices/" + invoice.publicToken());
        return ApiResponse.success(200, "Public link retrieved", data);
    }

    ApiResponse auditLog(ApiRequest request) {
        var entries = request.workspace().auditLog(request.uuidParameter("uuid"));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        entries.stream().map(InvoiceJson::toJson).forEach(data.putArray("records")::add);
        data.put("totalRecords", entries.size());
        return ApiResponse.success(200, "Audit log retrieved", data);
    }

    static Set<String> sentFields(JsonBody body, Set<String> writable) {
        return body.fieldNames().stream().filter(writable::contains).collect(Collectors.toSet());
    }

    static ApiResponse respond(int status, String message, Invoice invoice, Workspace workspace) {
        return ApiResponse.success(status, message, InvoiceJson.toJson(invoice, workspace.today()));
    }
}
