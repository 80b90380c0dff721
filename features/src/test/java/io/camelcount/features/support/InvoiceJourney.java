package io.camelcount.features.support;

import io.camelcount.component.CountApiException;
import io.camelcount.component.model.Invoice;

/**
 * What one scenario has done so far: the invoice it works on and COUNT's last refusal.
 */
public class InvoiceJourney {

    private String customerUuid;
    private Invoice invoice;
    private CountApiException refusal;

    public String customerUuid() {
        if (customerUuid == null) {
            throw new IllegalStateException("The scenario has not named its customer yet: add a 'Given the customer ...' step");
        }
        return customerUuid;
    }

    public void customerUuid(String customerUuid) {
        this.customerUuid = customerUuid;
    }

    public Invoice invoice() {
        if (invoice == null) {
            throw new IllegalStateException("The scenario has no invoice yet: create one first");
        }
        return invoice;
    }

    public void invoice(Invoice invoice) {
        this.invoice = invoice;
        this.refusal = null;
    }

    public CountApiException refusal() {
        return refusal;
    }

    public void refusal(CountApiException refusal) {
        this.refusal = refusal;
    }
}
