package io.camelcount.features.steps;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.camelcount.features.support.DocumentStatus;
import io.cucumber.java.ParameterType;

/** The domain words the features use, turned into what COUNT calls them. */
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
}
