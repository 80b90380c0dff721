package io.camelcount.mock.api;

import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.Workspace;

import java.util.UUID;

/** {@code /partners/invoices}: translates each call into one workspace operation. */
public final class InvoicesHandler {

    ApiResponse create(ApiRequest request) {
        Invoice invoice = request.workspace().createInvoice(InvoiceJson.newInvoice(request.json(true)));
        return respond(201, "Invoice created", invoice, request.workspace());
    }

    ApiResponse get(ApiRequest request) {
        Invoice invoice = request.workspace().invoice(request.uuidParameter("uuid"));
        return respond(200, "Invoice retrieved", invoice, request.workspace());
    }

    /** Any body is ignored: approving takes no options, and some clients send {@code {}}. */
    ApiResponse approve(ApiRequest request) {
        Invoice invoice = request.workspace().approve(request.uuidParameter("uuid"));
        return respond(200, "Invoice approved", invoice, request.workspace());
    }

    ApiResponse send(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        Invoice invoice = request.workspace().send(uuid, InvoiceJson.sendInvoice(request.json(false)));
        return respond(200, "Invoice sent", invoice, request.workspace());
    }

    private static ApiResponse respond(int status, String message, Invoice invoice, Workspace workspace) {
        return ApiResponse.success(status, message, InvoiceJson.toJson(invoice, workspace.today()));
    }
}
