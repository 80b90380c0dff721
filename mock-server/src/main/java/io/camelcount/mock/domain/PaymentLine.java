package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** One record of a transaction's assignment as the partner sent it: the invoice and the amount; any may be null. */
public record PaymentLine(UUID id, BigDecimal paymentAmount, String notes) {
}
