package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a credit request as the partner sent it: the other document ({@code id}: a memo when
 * crediting one invoice, an invoice when spreading one memo) and the amount; either may be null.
 */
public record CreditLine(UUID id, BigDecimal amount) {
}
