package io.camelcount.mock.seed;

import io.camelcount.mock.domain.NewInvoice;

import java.util.Objects;
import java.util.UUID;

/**
 * An invoice a workspace starts with: created from {@code invoice} (a create request, so a draft
 * unless it says {@code isDraft:false}) under {@code uuid}, then sent when {@code sent}, which leaves
 * its email in the outbox as a send through the API would.
 */
public record InvoiceSeed(UUID uuid, NewInvoice invoice, boolean sent) {

    public InvoiceSeed {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(invoice, "invoice");
    }
}
