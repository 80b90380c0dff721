package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An email the mock "sent" instead of delivering it, kept so that tests can see what went out. */
public record SentEmail(UUID invoiceUuid, String invoiceNumber, List<String> recipients, List<String> cc,
                        List<String> bcc, String subject, String message, boolean attachPdf, Instant sentAt) {

    public SentEmail {
        recipients = List.copyOf(recipients);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }
}
