package io.camelcount.mock.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The loose check COUNT applies to an email address, and how two addresses are compared. */
final class EmailAddress {

    private static final Pattern FORM = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    static void require(String field, String address) {
        if (address != null && !FORM.matcher(address).matches()) {
            throw DomainException.validation(field, field + " is not an email address: " + address);
        }
    }

    /** Mail systems treat addresses case-insensitively, so uniqueness and look-up do too. */
    static boolean same(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
