package io.camelcount.mock.domain;

import java.util.List;
import java.util.regex.Pattern;

/** A send request as the partner sent it; null fields take COUNT's defaults. */
public record SendInvoice(List<String> recipients, List<String> cc, List<String> bcc,
                          String subject, String message, Boolean attachPdf) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    void validate() {
        requireEmails("recipients", recipients);
        requireEmails("cc", cc);
        requireEmails("bcc", bcc);
    }

    private static void requireEmails(String field, List<String> addresses) {
        if (addresses == null) {
            return;
        }
        for (int i = 0; i < addresses.size(); i++) {
            if (!EMAIL.matcher(addresses.get(i)).matches()) {
                throw DomainException.validation(field + "[" + i + "]",
                        field + "[" + i + "] is not an email address: " + addresses.get(i));
            }
        }
    }
}
