package io.camelcount.mock.domain;

import java.util.List;

/** A send request as the partner sent it; null fields take COUNT's defaults. */
public record SendInvoice(List<String> recipients, List<String> cc, List<String> bcc,
                          String subject, String message, Boolean attachPdf) {

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
            EmailAddress.require(field + "[" + i + "]", addresses.get(i));
        }
    }
}
