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
        return new NewCustomer(
                fields.contains("customer") ? values.name() : current.name(),
                fields.contains("email") ? values.email() : current.email(),
                fields.contains("phone") ? values.phone() : current.phone(),
                fields.contains("addresses") ? values.addresses() : current.addresses(),
                fields.contains("contacts") ? values.contacts() : current.contacts());
    }
}
