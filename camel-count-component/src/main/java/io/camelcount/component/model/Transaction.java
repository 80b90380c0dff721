package io.camelcount.component.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Money that moved through a bank or cash account of the workspace (contract §7): a customer's payment is an
 * {@code Income} transaction, assigned to the invoices it pays. The fields a partner may send come first, as
 * COUNT's partner client documents them; a field COUNT did not send stays null, so a transaction sent back as an
 * update changes only what was set on it.
 */
public class Transaction extends CountObject implements CountResource {

    /** The bank or cash account the money moved through: an {@code Assets} account of the chart. */
    private String accUuid;
    /** Positive whatever the type: COUNT gives it its sign from the type. */
    private BigDecimal amount;
    /** The day the money moved; COUNT also takes it as {@code date}. */
    @JsonAlias("date")
    private LocalDate postedDate;
    /** {@code Income}, {@code Expense}, {@code Transfer} or {@code Journal Entry}. */
    private String type;
    private String description;
    private String currency;
    private String customerUuid;
    /** The income or expense account the money is booked to. */
    private String categoryAccountUuid;
    private List<String> tagUuids;
    private String notes;

    /** COUNT's {@code id}; older answers call it {@code uuid} (contract §2). */
    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    // COUNT's transaction object is not documented (contract §7): the mock answers the next three, and each stays
    // null when an answer leaves it out.
    /** How much of the amount pays invoices. */
    private BigDecimal assignedAmount;
    /** How much of the amount is left to assign. */
    private BigDecimal unassignedAmount;
    /** The invoices the transaction pays. */
    private List<InvoicePayment> invoicePayments;
    private Instant createdAt;
    private Instant updatedAt;

    @Override
    public String getUuid() {
        return uuid;
    }

    public String getAccUuid() {
        return accUuid;
    }

    public void setAccUuid(String accUuid) {
        this.accUuid = accUuid;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getPostedDate() {
        return postedDate;
    }

    public void setPostedDate(LocalDate postedDate) {
        this.postedDate = postedDate;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    /** Free text; a reference of the route's own here lets it find the transaction again by search. */
    public void setDescription(String description) {
        this.description = description;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getCustomerUuid() {
        return customerUuid;
    }

    public void setCustomerUuid(String customerUuid) {
        this.customerUuid = customerUuid;
    }

    public String getCategoryAccountUuid() {
        return categoryAccountUuid;
    }

    public void setCategoryAccountUuid(String categoryAccountUuid) {
        this.categoryAccountUuid = categoryAccountUuid;
    }

    public List<String> getTagUuids() {
        return tagUuids;
    }

    public void setTagUuids(List<String> tagUuids) {
        this.tagUuids = tagUuids;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public BigDecimal getAssignedAmount() {
        return assignedAmount;
    }

    public BigDecimal getUnassignedAmount() {
        return unassignedAmount;
    }

    public List<InvoicePayment> getInvoicePayments() {
        return invoicePayments;
    }

    /** Set by COUNT; null on a transaction that has not been read from COUNT. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Transaction[" + type + " " + amount + " on " + postedDate + ", uuid=" + uuid + "]";
    }
}
