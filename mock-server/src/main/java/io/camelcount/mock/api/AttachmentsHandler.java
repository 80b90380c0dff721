package io.camelcount.mock.api;

import io.camelcount.mock.domain.Invoice;

/** Attachments of an invoice: links ({@code /attachments}) and uploaded files ({@code /attachments/upload}). */
public final class AttachmentsHandler {

    /** {@code {"attachments":[{"url","title"?}]}}; answers with the invoice. */
    ApiResponse addLinks(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        var links = InvoiceJson.attachmentLinks(request.json(true));
        Invoice invoice = request.workspace().addAttachmentLinks(request.actor(), uuid, links);
        return InvoicesHandler.respond(200, "Attachments added", invoice, request.workspace());
    }

    /** multipart/form-data with parts named {@code documents}; answers with the invoice. */
    ApiResponse upload(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        Invoice invoice = request.workspace().uploadAttachments(request.actor(), uuid, request.documents());
        return InvoicesHandler.respond(200, "Attachments uploaded", invoice, request.workspace());
    }
}
