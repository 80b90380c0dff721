package io.camelcount.mock.domain;

/** A person to talk to at a customer; {@code name} is required, the rest optional. */
public record Contact(String name, String email, String phone) {
}
