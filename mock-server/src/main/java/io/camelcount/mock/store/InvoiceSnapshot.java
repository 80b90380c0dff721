package io.camelcount.mock.store;

import io.camelcount.mock.domain.Attachment;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceContent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice, estimate or credit memo as saved; {@code payments} (by transaction) and {@code credits} in the order they
 * were applied.
 */
record InvoiceSnapshot(UUID uuid, InvoiceContent content, boolean approved, boolean sent, Map<UUID, BigDecimal> payments,
                       Map<UUID, BigDecimal> credits, List<Attachment> attachments, String publicToken,
                       Instant createdAt, Instant updatedAt) {

    static InvoiceSnapshot of(Invoice invoice) {
        return new InvoiceSnapshot(invoice.uuid(), invoice.content(), invoice.approved(), invoice.isSent(),
                invoice.payments(), invoice.credits(), invoice.attachments(), invoice.publicToken(),
                invoice.createdAt(), invoice.updatedAt());
    }

    Invoice restore() {
        return Invoice.restore(uuid, content, approved, sent, payments, credits, attachments, publicToken, createdAt,
                updatedAt);
    }
}
