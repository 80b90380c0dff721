package io.camelcount.component.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code transactions} {@code assignToInvoices}: which invoices a transaction pays, and how much of
 * each (contract §7). COUNT records all of it or, when one record breaks a rule, none of it.
 */
public class TransactionAssignment extends CountObject {

    /**
     * {@code invoice}, the only matching in scope; the component fills it in when it is left null. COUNT refuses
     * {@code bill} (bills are out of scope).
     */
    private String matchingType;
    private List<InvoicePayment> records;
    private Boolean withCaution;
    /** The category for what remains of the transaction when the payments are less than its amount. */
    private String parentCategoryAccountUuid;

    /** Adds a payment of {@code paymentAmount} to the invoice {@code invoiceUuid} and returns this assignment. */
    public TransactionAssignment pay(String invoiceUuid, BigDecimal paymentAmount) {
        if (records == null) {
            records = new ArrayList<>();
        }
        records.add(new InvoicePayment(invoiceUuid, paymentAmount));
        return this;
    }

    public String getMatchingType() {
        return matchingType;
    }

    public void setMatchingType(String matchingType) {
        this.matchingType = matchingType;
    }

    public List<InvoicePayment> getRecords() {
        return records;
    }

    public void setRecords(List<InvoicePayment> records) {
        this.records = records;
    }

    public Boolean getWithCaution() {
        return withCaution;
    }

    public void setWithCaution(Boolean withCaution) {
        this.withCaution = withCaution;
    }

    public String getParentCategoryAccountUuid() {
        return parentCategoryAccountUuid;
    }

    public void setParentCategoryAccountUuid(String parentCategoryAccountUuid) {
        this.parentCategoryAccountUuid = parentCategoryAccountUuid;
    }
}
