package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Optional;

/** COUNT keeps invoices, estimates and credit memos in one resource; each type numbers on its own. */
public enum InvoiceType {
    INVOICE("invoice", "INV"),
    ESTIMATE("estimate", "EST"),
    MEMO("memo", "CM");

    private final String wireName;
    private final String numberPrefix;

    InvoiceType(String wireName, String numberPrefix) {
        this.wireName = wireName;
        this.numberPrefix = numberPrefix;
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
