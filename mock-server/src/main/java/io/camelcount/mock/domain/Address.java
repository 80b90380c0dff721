package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A postal address of a customer; every part is optional text. */
public record Address(Type type, String addressLine1, String addressLine2, String city, String state,
                      String postalCode, String country) {

    public enum Type {
        BILLING, SHIPPING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> fromWireName(String name) {
            return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
        }
    }
}
