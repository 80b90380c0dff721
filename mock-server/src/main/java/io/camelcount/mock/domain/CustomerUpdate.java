package io.camelcount.mock.domain;

import java.util.Set;

/**
 * A partial update of a customer: only the fields named in {@code fields} (wire names) change, to the
 * values in {@code values}; a field sent as null is cleared.
 */
public record CustomerUpdate(NewCustomer values, Set<String> fields) {

    public CustomerUpdate {
        fields = Set.copyOf(fields);
    }

    NewCustomer applyTo(Customer current) {
        if (fields.contains("status") && values.status() == null) {
            throw DomainException.validation("status", "status must be active or inactive; it cannot be cleared");
        }
        return new NewCustomer(
                fields.contains("customer") ? values.name() : current.name(),
                fields.contains("email") ? values.email() : current.email(),
                fields.contains("mainPhone") ? values.mainPhone() : current.mainPhone(),
                fields.contains("website") ? values.website() : current.website(),
                fields.contains("notes") ? values.notes() : current.notes(),
                fields.contains("status") ? values.status() : current.status(),
                fields.contains("paymentTerm") ? values.paymentTerm() : current.paymentTerm(),
                fields.contains("taxNumber") ? values.taxNumber() : current.taxNumber(),
                fields.contains("taxAutoCalculate") ? values.taxAutoCalculate() : current.taxAutoCalculate(),
                fields.contains("taxExcluded") ? values.taxExcluded() : current.taxExcluded(),
                fields.contains("taxes") ? values.taxes() : current.taxes(),
                fields.contains("billingAddress") ? values.billingAddress() : current.billingAddress(),
                fields.contains("shippingAddress") ? values.shippingAddress() : current.shippingAddress(),
                fields.contains("contacts") ? values.contacts() : current.contacts());
    }
}
