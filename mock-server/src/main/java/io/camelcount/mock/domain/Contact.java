package io.camelcount.mock.domain;

/**
 * A person to talk to at a customer, as count-cli documents a contact: {@code firstName}, {@code lastName},
 * {@code email}, {@code phone} and {@code isPrimary}, every one optional.
 */
public record Contact(String firstName, String lastName, String email, String phone, Boolean isPrimary) {
}
