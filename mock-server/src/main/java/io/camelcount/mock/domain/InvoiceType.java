package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Optional;

/** COUNT keeps invoices, estimates and credit memos in one resource; each type numbers on its own. */
public enum InvoiceType {
    INVOICE("invoice", "INV", "Invoice"),
    ESTIMATE("estimate", "EST", "Estimate"),
    MEMO("memo", "CM", "Credit memo");

    private final String wireName;
    private final String numberPrefix;
    private final String displayName;

    InvoiceType(String wireName, String numberPrefix, String displayName) {
        this.wireName = wireName;
        this.numberPrefix = numberPrefix;
        this.displayName = displayName;
    }

    /** How people (and messages) name the type: "Credit memo" rather than "memo". */
    public String displayName() {
        return displayName;
    }

    public String wireName() {
        return wireName;
    }

    String numberPrefix() {
        return numberPrefix;
    }

    public static Optional<InvoiceType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
