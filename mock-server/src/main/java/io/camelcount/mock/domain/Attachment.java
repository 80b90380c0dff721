package io.camelcount.mock.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A document attached to an invoice: either a link the partner gave ({@code url}, {@code title}) or a file
 * it uploaded ({@code fileName}, {@code contentType}, {@code size}); the other fields are null. The mock
 * keeps no uploaded bytes, only what a partner can check.
 */
public record Attachment(UUID uuid, String url, String title, String fileName, String contentType, Long size,
                         Instant addedAt) {

    static Attachment link(AttachmentLink link, Instant now) {
        return new Attachment(UUID.randomUUID(), link.url(), link.title(), null, null, null, now);
    }

    static Attachment upload(UploadedDocument document, Instant now) {
        return new Attachment(UUID.randomUUID(), null, null, document.fileName(), document.contentType(),
                (long) document.content().length, now);
    }
}
