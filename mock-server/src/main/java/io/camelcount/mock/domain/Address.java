package io.camelcount.mock.domain;

/**
 * A customer's billing or shipping address; every part is optional text. COUNT's documentation names the
 * two address objects ({@code billingAddress}, {@code shippingAddress}) but not their parts, and count-cli
 * forwards whatever object it is given; these parts are the mock's, and any other part is reported as an
 * unknown field rather than silently dropped.
 */
public record Address(String addressLine1, String addressLine2, String city, String state, String postalCode,
                      String country) {
}
