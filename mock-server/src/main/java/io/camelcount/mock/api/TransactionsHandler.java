package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.InvoicePayment;
import io.camelcount.mock.domain.NewTransaction;
import io.camelcount.mock.domain.PaymentLine;
import io.camelcount.mock.domain.Transaction;
import io.camelcount.mock.domain.TransactionQuery;
import io.camelcount.mock.domain.TransactionType;
import io.camelcount.mock.domain.TransactionUpdate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /partners/transactions} (contract §7): the bank register, with the fields count-cli sends, and the payment
 * of invoices with a transaction; taking a payment off an invoice is {@link #removeTransaction}, under the invoice.
 *
 * <p>Decision (mock): a transaction answers its request fields by the names they were sent under ({@code accUuid},
 * {@code postedDate}, …), and adds {@code assignedAmount}, {@code unassignedAmount} and {@code invoicePayments}
 * ({@code [{"invoiceUuid","paymentAmount","notes"}]}). COUNT's transaction object is not documented; count-cli only
 * says that its answer may name the bank account {@code accountId}, an internal id the mock does not have.
 */
public final class TransactionsHandler {

    private static final Set<String> WRITABLE = Set.of("accUuid", "amount", "postedDate", "date", "type", "description",
            "currency", "customerUuid", "categoryAccountUuid", "tagUuids", "notes");
    private static final Set<String> READ_ONLY = Set.of("id", "uuid", "assignedAmount", "unassignedAmount",
            "invoicePayments", "createdAt", "updatedAt");
    private static final String TYPES = "Income, Expense, Transfer or Journal Entry";

    /** {@code startDate} and {@code endDate} (on postedDate, inclusive), {@code accUuid} and {@code type}, as count-cli names them. */
    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        TransactionQuery filter = new TransactionQuery(query.text("search"), query.date("startDate"),
                query.date("endDate"), query.uuid("accUuid"), query.choice("type", TransactionType::fromWireName, TYPES));
        return ApiResponse.success(200, "Transactions retrieved",
                paging.render(request.workspace().transactions(filter), TransactionsHandler::toJson));
    }

    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        Transaction transaction = request.workspace().createTransaction(newTransaction(body));
        return ApiResponse.success(201, "Transaction created", toJson(transaction))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a transaction"));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.success(200, "Transaction retrieved",
                toJson(request.workspace().transaction(request.uuidParameter("uuid"))));
    }

    /** Only the fields sent change ({@code date} stands for {@code postedDate}); a null clears an optional field. */
    ApiResponse update(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        List<PartnerWarning> warnings = PartnerWarning.check(body, WRITABLE, READ_ONLY, "a transaction");
        Set<String> fields = new HashSet<>(InvoicesHandler.sentFields(body, WRITABLE));
        if (fields.remove("date")) {
            fields.add("postedDate");
        }
        Transaction transaction = request.workspace().updateTransaction(uuid,
                new TransactionUpdate(newTransaction(body), fields));
        return ApiResponse.success(200, "Transaction updated", toJson(transaction)).withWarnings(warnings);
    }

    /** 400 {@code transaction_applied} while it pays invoices. */
    ApiResponse delete(ApiRequest request) {
        Transaction deleted = request.workspace().deleteTransaction(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Transaction deleted", deleted.uuid());
    }

    /**
     * {@code {"matchingType":"invoice","records":[{"id","paymentAmount","notes"?}],"withCaution"?,
     * "parentCategoryAccountUuid"?}}. Decision (mock): answers the transaction after the assignment, whose
     * {@code invoicePayments} list the invoices it pays; COUNT's answer is not documented. {@code withCaution} (COUNT's
     * confirmation for reconciled transactions, which the mock does not have) is read and has no effect.
     */
    ApiResponse assign(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        body.bool("withCaution");
        List<JsonBody> records = body.objects("records");
        List<PaymentLine> lines = records == null ? null : records.stream()
                .map(record -> new PaymentLine(record.uuid("id"), record.number("paymentAmount"), record.text("notes")))
                .toList();
        Transaction transaction = request.workspace().assignTransaction(request.actor(), uuid, body.text("matchingType"),
                lines, body.uuid("parentCategoryAccountUuid"));
        return ApiResponse.success(200, "Transaction assigned", toJson(transaction));
    }

    /** {@code PATCH /partners/invoices/{uuid}/remove-transaction} {@code {"transactionId","withCaution"?}}; answers the invoice. */
    ApiResponse removeTransaction(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        body.bool("withCaution");
        var invoice = request.workspace().removeTransaction(request.actor(), uuid, body.uuid("transactionId"));
        return InvoicesHandler.respond(200, "Transaction removed", invoice, request.workspace());
    }

    /** {@code date} is an alias of {@code postedDate} (count-cli); both with different values is a 400. */
    private static NewTransaction newTransaction(JsonBody body) {
        LocalDate postedDate = body.date("postedDate");
        LocalDate date = body.date("date");
        if (postedDate != null && date != null && !postedDate.equals(date)) {
            throw DomainException.validation("date", "date is an alias of postedDate; send one of them, not two different"
                    + " dates");
        }
        return new NewTransaction(body.choice("type", TransactionType::fromWireName, TYPES), body.uuid("accUuid"),
                body.number("amount"), postedDate != null ? postedDate : date, body.text("description"),
                body.text("currency"), body.uuid("customerUuid"), body.uuid("categoryAccountUuid"),
                body.uuids("tagUuids"), body.text("notes"));
    }

    static ObjectNode toJson(Transaction transaction) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", transaction.uuid().toString())
                .put("type", transaction.type().wireName())
                .put("accUuid", text(transaction.accountUuid()))
                .put("amount", transaction.amount())
                .put("postedDate", transaction.postedDate().toString())
                .put("description", transaction.description())
                .put("currency", transaction.currency())
                .put("customerUuid", text(transaction.customerUuid()))
                .put("categoryAccountUuid", text(transaction.categoryAccountUuid()));
        ArrayNode tags = json.putArray("tagUuids");
        transaction.tagUuids().forEach(tag -> tags.add(tag.toString()));
        json.put("notes", transaction.notes())
                .put("assignedAmount", transaction.assignedAmount())
                .put("unassignedAmount", transaction.unassignedAmount());
        ArrayNode payments = json.putArray("invoicePayments");
        for (InvoicePayment payment : transaction.payments()) {
            payments.addObject()
                    .put("invoiceUuid", payment.invoiceUuid().toString())
                    .put("paymentAmount", payment.amount())
                    .put("notes", payment.notes());
        }
        return json.put("createdAt", transaction.createdAt().toString())
                .put("updatedAt", transaction.updatedAt().toString());
    }

    private static String text(UUID uuid) {
        return uuid == null ? null : uuid.toString();
    }
}
