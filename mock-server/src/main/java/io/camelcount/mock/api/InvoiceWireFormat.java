package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.NewInvoice;

import java.time.LocalDate;

/**
 * The invoice wire format for code outside the partner API: the admin API seeds invoices from the
 * create body and shows them as the partner routes do, so that neither format can drift.
 */
public final class InvoiceWireFormat {

    private InvoiceWireFormat() {
    }

    /**
     * Reads a create body exactly as {@code POST /partners/invoices} does.
     *
     * @throws io.camelcount.mock.domain.DomainException a validation refusal naming the field when the body is malformed
     */
    public static NewInvoice newInvoice(byte[] createBody) {
        return InvoiceJson.newInvoice(JsonBody.parse(createBody, true));
    }

    public static ObjectNode toJson(Invoice invoice, LocalDate today) {
        return InvoiceJson.toJson(invoice, today);
    }
}
