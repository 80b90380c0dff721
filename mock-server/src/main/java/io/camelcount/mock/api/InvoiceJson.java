package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Attachment;
import io.camelcount.mock.domain.AttachmentLink;
import io.camelcount.mock.domain.AuditEntry;
import io.camelcount.mock.domain.CreditApplication;
import io.camelcount.mock.domain.CreditLine;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceContent;
import io.camelcount.mock.domain.InvoiceLine;
import io.camelcount.mock.domain.InvoiceType;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.NewInvoiceLine;
import io.camelcount.mock.domain.SendInvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

    /**
     * {@code price} is an alias of {@code unitPrice}, and {@code uuid} of {@code productUuid}, that some official
     * clients send (contract §2, §3).
     */
    private static NewInvoiceLine newInvoiceLine(JsonBody line) {
        return new NewInvoiceLine(aliased(line, "productUuid", "uuid", line::uuid), line.text("description"),
                line.number("quantity"), aliased(line, "unitPrice", "price", line::number));
    }

    /** The value of {@code field} or of its alias; both with different values is a 400 naming the alias. */
    private static <T extends Comparable<T>> T aliased(JsonBody line, String field, String alias, Function<String, T> reader) {
        T value = reader.apply(field);
        T aliasValue = reader.apply(alias);
        if (value != null && aliasValue != null && value.compareTo(aliasValue) != 0) {
            throw DomainException.validation(line.fieldPath(alias), line.fieldPath(alias) + " is an alias of " + field
                    + "; send one of them, not two different values");
        }
        return value != null ? value : aliasValue;
    }

    /** The lines of a credit request: {@code [{"id":uuid,"amount":n}]} under {@code field}. */
    static List<CreditLine> creditLines(JsonBody body, String field) {
        List<JsonBody> lines = body.objects(field);
        return lines == null ? null : lines.stream().map(line -> new CreditLine(line.uuid("id"), line.number("amount"))).toList();
    }

    static List<AttachmentLink> attachmentLinks(JsonBody body) {
        List<JsonBody> links = body.objects("attachments");
        return links == null ? null : links.stream().map(link -> new AttachmentLink(link.text("url"), link.text("title"))).toList();
    }

    static SendInvoice sendInvoice(JsonBody body) {
        return new SendInvoice(body.texts("recipients"), body.texts("cc"), body.texts("bcc"),
                body.text("subject"), body.text("message"), body.bool("attachPdf"));
    }

    /** What is written on the document (or template), in the wire format's order; a template has no number. */
    static void putContent(ObjectNode json, InvoiceContent content) {
        if (content.invoiceNumber() != null) {
            json.put("invoiceNumber", content.invoiceNumber());
        }
        json.put("invoiceType", content.invoiceType().wireName())
                .put("customerUuid", content.customer().uuid().toString())
                .put("customerName", content.customer().name())
                .put("date", content.date().toString())
                .put("dueDate", content.dueDate().toString())
                .put("currency", content.currency());
        ArrayNode products = json.putArray("products");
        for (InvoiceLine line : content.products()) {
            products.addObject()
                    .put("productUuid", line.productUuid().toString())
                    .put("description", line.description())
                    .put("quantity", line.quantity())
                    .put("unitPrice", line.unitPrice())
                    .put("amount", line.amount());
        }
        json.put("discount", content.discount())
                .put("discountDescription", content.discountDescription())
                .put("notes", content.notes());
        ArrayNode tags = json.putArray("tagUuids");
        content.tagUuids().stream().map(UUID::toString).forEach(tags::add);
    }

    static ObjectNode toJson(AuditEntry entry) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", entry.id().toString())
                .put("action", entry.action())
                .put("at", entry.at().toString())
                .put("actor", entry.actor());
        ObjectNode changes = json.putObject("changes");
        entry.changes().forEach((field, change) -> changes.putObject(field)
                .<ObjectNode>set("from", JsonValues.of(change.from()))
                .set("to", JsonValues.of(change.to())));
        return json;
    }

    static ObjectNode toJson(Invoice invoice, LocalDate today) {
        // sized for the invoice's 30-odd fields, so that a page of them does not grow each map twice
        ObjectNode json = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(64))
                .put("id", invoice.uuid().toString());
        putContent(json, invoice.content());
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
        ArrayNode credits = json.putArray("creditApplications");
        for (CreditApplication credit : invoice.creditApplications()) {
            credits.addObject()
                    .put("memoUuid", credit.memoUuid().toString())
                    .put("invoiceUuid", credit.invoiceUuid().toString())
                    .put("amount", credit.amount());
        }
        // Decision (mock): which transactions paid the invoice, so that a partner knows what remove-transaction takes.
        ArrayNode payments = json.putArray("payments");
        invoice.payments().forEach((transactionUuid, amount) -> payments.addObject()
                .put("transactionId", transactionUuid.toString())
                .put("amount", amount));
        ArrayNode attachments = json.putArray("attachments");
        for (Attachment attachment : invoice.attachments()) {
            attachments.addObject()
                    .put("id", attachment.uuid().toString())
                    .put("url", attachment.url())
                    .put("title", attachment.title())
                    .put("fileName", attachment.fileName())
                    .put("contentType", attachment.contentType())
                    .put("size", attachment.size())
                    .put("addedAt", attachment.addedAt().toString());
        }
        json.put("createdAt", invoice.createdAt().toString())
                .put("updatedAt", invoice.updatedAt().toString());
        return json;
    }
}
