package io.camelcount.features.steps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelcount.features.steps.AttachmentSteps.ExpectedAttachment;
import io.camelcount.features.steps.CreditMemoSteps.CreditApplication;
import io.camelcount.features.steps.CsvDropSteps.CsvLine;
import io.camelcount.features.steps.InvoiceSteps.AuditEntry;
import io.camelcount.features.steps.ListingSteps.Document;
import io.camelcount.features.support.DocumentStatus;
import io.cucumber.java.DataTableType;
import io.cucumber.java.ParameterType;

/** The domain words and the tables the features use, turned into what COUNT calls them. */
public class ParameterTypes {

    /** A calendar date as a partner writes it: 2026-10-31. */
    @ParameterType("\\d{4}-\\d{2}-\\d{2}")
    public LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** A kind of document in the plural, as COUNT's {@code invoiceType}: invoices, estimates, credit memos. */
    @ParameterType("invoices|estimates|credit memos")
    public String documents(String plural) {
        return switch (plural) {
            case "invoices" -> "invoice";
            case "estimates" -> "estimate";
            default -> "memo";
        };
    }

    /** A quoted status in COUNT's word ("draft", "sent", "paid", ...); an unknown word fails the step, naming COUNT's. */
    @ParameterType("\"([^\"]+)\"")
    public DocumentStatus status(String word) {
        return DocumentStatus.named(word);
    }

    /** Quoted, comma-separated statuses, as COUNT's {@code status} filter takes them: "approved,draft". */
    @ParameterType("\"([^\"]+)\"")
    public List<DocumentStatus> statuses(String words) {
        return Arrays.stream(words.split(",")).map(String::trim).map(DocumentStatus::named).toList();
    }

    /** A quoted, comma-separated list of the references the scenario gave its documents: "A, B, C". */
    @ParameterType("\"([^\"]*)\"")
    public List<String> references(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
    }

    @DataTableType
    public CreditApplication creditApplication(Map<String, String> row) {
        return new CreditApplication(cell(row, "invoice"), new BigDecimal(cell(row, "amount")));
    }

    @DataTableType
    public AuditEntry auditEntry(Map<String, String> row) {
        return new AuditEntry(cell(row, "action"), row.get("changed"), row.get("from"), row.get("to"));
    }

    @DataTableType
    public CsvLine csvLine(Map<String, String> row) {
        return new CsvLine(cell(row, "product"), cell(row, "quantity"), cell(row, "unitPrice"));
    }

    @DataTableType
    public ExpectedAttachment expectedAttachment(Map<String, String> row) {
        return new ExpectedAttachment(cell(row, "kind"), cell(row, "name"), cell(row, "link or size"));
    }

    /** Only the reference is required: a document is an approved invoice of today unless its row says otherwise. */
    @DataTableType
    public Document document(Map<String, String> row) {
        String type = row.get("type");
        String state = row.get("state");
        String date = row.get("date");
        return new Document(cell(row, "reference"), type == null ? "invoice" : invoiceType(type),
                state == null ? DocumentStatus.APPROVED : DocumentStatus.named(state),
                date == null ? null : date(date));
    }

    /** A kind of document in the singular, as COUNT's {@code invoiceType}. */
    private static String invoiceType(String kind) {
        return switch (kind) {
            case "invoice", "estimate" -> kind;
            case "credit memo" -> "memo";
            default -> throw new IllegalArgumentException("A document's type is invoice, estimate or credit memo, not '"
                                                          + kind + "'");
        };
    }

    /** A cell the row must have: a table without the column, or with it empty, fails the step naming it. */
    private static String cell(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException("The table needs a value in column '" + column + "'; the row has " + row);
        }
        return value;
    }
}
