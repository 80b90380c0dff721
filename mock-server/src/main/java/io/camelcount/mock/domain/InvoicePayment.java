package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Part of a transaction applied to an invoice as its payment.
 *
 * @param notes what the partner wrote on the assignment ({@code records[].notes}), or null
 */
public record InvoicePayment(UUID invoiceUuid, BigDecimal amount, String notes) {
}
