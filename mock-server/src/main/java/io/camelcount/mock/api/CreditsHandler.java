package io.camelcount.mock.api;

import io.camelcount.mock.domain.Invoice;

/**
 * The credit routes under {@code /partners/invoices}: applying memos' credit to invoices and taking it off
 * again. Each request is applied whole or not at all (the workspace sees to that).
 */
public final class CreditsHandler {

    /** {@code {"creditMemos":[{"id":memoUuid,"amount":n}]}}; answers with the invoice. */
    ApiResponse applyCreditMemos(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        var lines = InvoiceJson.creditLines(request.json(true), "creditMemos");
        Invoice invoice = request.workspace().applyCreditMemos(request.actor(), uuid, lines);
        return InvoicesHandler.respond(200, "Credit applied", invoice, request.workspace());
    }

    /** {@code {"invoices":[{"id":invoiceUuid,"amount":n}]}}; answers with the memo. */
    ApiResponse applyMemoToInvoices(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        var lines = InvoiceJson.creditLines(request.json(true), "invoices");
        Invoice memo = request.workspace().applyMemoToInvoices(request.actor(), uuid, lines);
        return InvoicesHandler.respond(200, "Credit applied", memo, request.workspace());
    }

    /** {@code {"memoId":memoUuid}}; answers with the invoice. */
    ApiResponse removeCredit(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        var memoUuid = request.json(true).uuid("memoId");
        Invoice invoice = request.workspace().removeCredit(request.actor(), uuid, memoUuid);
        return InvoicesHandler.respond(200, "Credit removed", invoice, request.workspace());
    }
}
