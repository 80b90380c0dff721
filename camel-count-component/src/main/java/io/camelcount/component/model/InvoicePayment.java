package io.camelcount.component.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One invoice a transaction pays, and how much of it: a record of {@link TransactionAssignment}, and what a
 * {@link Transaction} lists as its {@code invoicePayments}. COUNT names the invoice {@code id} in an assignment; the
 * mock's transactions name it {@code invoiceUuid} (contract §7 does not document COUNT's transaction object), and
 * both are read.
 */
// In the order COUNT documents a record: Jackson would write the renamed id last.
@JsonPropertyOrder({"id", "paymentAmount", "notes"})
public class InvoicePayment extends CountObject {

    @JsonProperty("id")
    @JsonAlias("invoiceUuid")
    private String invoiceUuid;
    /** Above 0, and at most the invoice's balance. */
    private BigDecimal paymentAmount;
    private String notes;

    public InvoicePayment() {
    }

    public InvoicePayment(String invoiceUuid, BigDecimal paymentAmount) {
        this.invoiceUuid = invoiceUuid;
        this.paymentAmount = paymentAmount;
    }

    public String getInvoiceUuid() {
        return invoiceUuid;
    }

    public void setInvoiceUuid(String invoiceUuid) {
        this.invoiceUuid = invoiceUuid;
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

    @Override
    public String toString() {
        return "InvoicePayment[" + paymentAmount + " to " + invoiceUuid + "]";
    }
}
