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
    private List<Payment> records;
    private Boolean withCaution;
    /** The category for what remains of the transaction when the payments are less than its amount. */
    private String parentCategoryAccountUuid;

    /** Adds a payment of {@code paymentAmount} to the invoice {@code invoiceUuid} and returns this assignment. */
    public TransactionAssignment pay(String invoiceUuid, BigDecimal paymentAmount) {
        if (records == null) {
            records = new ArrayList<>();
        }
        records.add(new Payment(invoiceUuid, paymentAmount));
        return this;
    }

    public String getMatchingType() {
        return matchingType;
    }

    public void setMatchingType(String matchingType) {
        this.matchingType = matchingType;
    }

    public List<Payment> getRecords() {
        return records;
    }

    public void setRecords(List<Payment> records) {
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

    /**
     * One invoice paid: at most its open balance, and above 0. COUNT names the invoice's UUID {@code id} here.
     */
    public static class Payment extends CountObject {

        private String id;
        private BigDecimal paymentAmount;
        private String notes;

        public Payment() {
        }

        public Payment(String id, BigDecimal paymentAmount) {
            this.id = id;
            this.paymentAmount = paymentAmount;
        }

        /** The invoice's UUID. */
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public BigDecimal getPaymentAmount() {
            return paymentAmount;
        }

        public void setPaymentAmount(BigDecimal paymentAmount) {
            this.paymentAmount = paymentAmount;
        }

        public String getNotes() {
            return notes;
        }

        public void setNotes(String notes) {
            this.notes = notes;
        }
    }
}
