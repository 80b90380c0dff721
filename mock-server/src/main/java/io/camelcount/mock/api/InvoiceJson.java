package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceLine;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.NewInvoiceLine;
import io.camelcount.mock.domain.SendInvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The invoice's wire format (docs/WIRE-FORMAT.md), in both directions. */
final class InvoiceJson {

    private InvoiceJson() {
    }

    static NewInvoice newInvoice(JsonBody body) {
        List<JsonBody> lines = body.objects("products");
        return new NewInvoice(
                body.uuid("customerUuid"),
                body.date("date"),
                body.date("dueDate"),
                body.choice("invoiceType", InvoiceType::fromWireName, "invoice, estimate, memo"),
                body.text("invoiceNumber"),
                body.text("currency"),
                body.number("discount"),
                body.text("discountDescription"),
                body.text("notes"),
                body.uuids("tagUuids"),
                body.bool("isDraft"),
                body.uuid("appliedToInvoiceUuid"),
                lines == null ? null : lines.stream().map(InvoiceJson::newInvoiceLine).toList());
    }

    /** {@code price} is an alias of {@code unitPrice} that some official clients send. */
    private static NewInvoiceLine newInvoiceLine(JsonBody line) {
        BigDecimal unitPrice = line.number("unitPrice");
        BigDecimal price = line.number("price");
        if (unitPrice != null && price != null && unitPrice.compareTo(price) != 0) {
            throw DomainException.validation(line.fieldPath("price"),
                    line.fieldPath("price") + " is an alias of unitPrice; send one of them, not two different values");
        }
        return new NewInvoiceLine(line.uuid("productUuid"), line.text("description"), line.number("quantity"),
                unitPrice != null ? unitPrice : price);
    }

    static SendInvoice sendInvoice(JsonBody body) {
        return new SendInvoice(body.texts("recipients"), body.texts("cc"), body.texts("bcc"),
                body.text("subject"), body.text("message"), body.bool("attachPdf"));
    }

    static ObjectNode toJson(Invoice invoice, LocalDate today) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("uuid", invoice.uuid().toString())
                .put("invoiceNumber", invoice.invoiceNumber())
                .put("invoiceType", invoice.invoiceType().wireName())
                .put("customerUuid", invoice.customerUuid().toString())
                .put("customerName", invoice.customerName())
                .put("date", invoice.date().toString())
                .put("dueDate", invoice.dueDate().toString())
                .put("currency", invoice.currency());
        ArrayNode products = json.putArray("products");
        for (InvoiceLine line : invoice.products()) {
            products.addObject()
                    .put("productUuid", line.productUuid().toString())
                    .put("description", line.description())
                    .put("quantity", line.quantity())
                    .put("unitPrice", line.unitPrice())
                    .put("amount", line.amount());
        }
        json.put("discount", invoice.discount())
                .put("discountDescription", invoice.discountDescription())
                .put("notes", invoice.notes());
        ArrayNode tags = json.putArray("tagUuids");
        invoice.tagUuids().stream().map(UUID::toString).forEach(tags::add);
        json.put("isDraft", invoice.isDraft())
                .put("approved", invoice.approved())
                .put("isSent", invoice.isSent())
                .put("paymentStatus", invoice.paymentStatus().wireName())
                .put("status", invoice.status(today).wireName())
                .put("subtotal", invoice.subtotal())
                .put("total", invoice.total())
                .put("amountPaid", invoice.amountPaid())
                .put("creditsApplied", invoice.creditsApplied())
                .put("balanceDue", invoice.balanceDue());
        if (invoice.invoiceType() == InvoiceType.MEMO) {
            json.put("remainingCredit", invoice.remainingCredit())
                    .put("appliedToInvoiceUuid",
                            invoice.appliedToInvoiceUuid() == null ? null : invoice.appliedToInvoiceUuid().toString());
        }
        json.put("createdAt", invoice.createdAt().toString())
                .put("updatedAt", invoice.updatedAt().toString());
        return json;
    }
}
