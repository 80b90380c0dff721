package io.camelcount.component.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A COUNT invoice, estimate or credit memo. The fields a partner may send come first, in the order
 * they are written; the rest are computed by COUNT and only read.
 */
public class Invoice extends CountObject implements CountResource {

    private String customerUuid;
    private LocalDate date;
    private LocalDate dueDate;
    private String invoiceType;
    private String invoiceNumber;
    private String currency;
    private List<InvoiceLine> products;
    private BigDecimal discount;
    private String discountDescription;
    private String notes;
    private List<String> tagUuids;
    @JsonProperty("isDraft")
    private Boolean isDraft;
    private String appliedToInvoiceUuid;

    /** COUNT's {@code id}; older answers call it {@code uuid} (contract §2). */
    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    private String customerName;
    private String status;
    private Boolean approved;
    @JsonProperty("isSent")
    private Boolean isSent;
    private String paymentStatus;
    private BigDecimal subtotal;
    private BigDecimal total;
    private BigDecimal amountPaid;
    private BigDecimal creditsApplied;
    private BigDecimal balanceDue;
    private BigDecimal remainingCredit;
    private Instant createdAt;
    private Instant updatedAt;

    /** Adds a line and returns this invoice, for building a request in one expression. */
    public Invoice addLine(String productUuid, BigDecimal quantity, BigDecimal unitPrice) {
        if (products == null) {
            products = new ArrayList<>();
        }
        products.add(new InvoiceLine(productUuid, quantity, unitPrice));
        return this;
    }

    public String getCustomerUuid() {
        return customerUuid;
    }

    public void setCustomerUuid(String customerUuid) {
        this.customerUuid = customerUuid;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    /** {@code invoice} (the default), {@code estimate} or {@code memo}. */
    public String getInvoiceType() {
        return invoiceType;
    }

    public void setInvoiceType(String invoiceType) {
        this.invoiceType = invoiceType;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public void setInvoiceNumber(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public List<InvoiceLine> getProducts() {
        return products;
    }

    public void setProducts(List<InvoiceLine> products) {
        this.products = products;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public void setDiscount(BigDecimal discount) {
        this.discount = discount;
    }

    public String getDiscountDescription() {
        return discountDescription;
    }

    public void setDiscountDescription(String discountDescription) {
        this.discountDescription = discountDescription;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<String> getTagUuids() {
        return tagUuids;
    }

    public void setTagUuids(List<String> tagUuids) {
        this.tagUuids = tagUuids;
    }

    public Boolean getIsDraft() {
        return isDraft;
    }

    /** COUNT creates drafts unless this is {@code false}, which creates the invoice approved. */
    public void setIsDraft(Boolean isDraft) {
        this.isDraft = isDraft;
    }

    public String getAppliedToInvoiceUuid() {
        return appliedToInvoiceUuid;
    }

    public void setAppliedToInvoiceUuid(String appliedToInvoiceUuid) {
        this.appliedToInvoiceUuid = appliedToInvoiceUuid;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    public String getCustomerName() {
        return customerName;
    }

    /** The derived lifecycle status: {@code draft}, {@code approved}, {@code sent}, {@code partial}, {@code paid}, … */
    public String getStatus() {
        return status;
    }

    public Boolean getApproved() {
        return approved;
    }

    public Boolean getIsSent() {
        return isSent;
    }

    public String getPaymentStatus() {
        return paymentStatus;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public BigDecimal getCreditsApplied() {
        return creditsApplied;
    }

    public BigDecimal getBalanceDue() {
        return balanceDue;
    }

    public BigDecimal getRemainingCredit() {
        return remainingCredit;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Invoice[" + (invoiceNumber != null ? invoiceNumber : "new") + ", uuid=" + uuid + ", status=" + status
               + ", total=" + total + "]";
    }
}
