package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** Credit of one memo applied to one invoice; both documents carry the same application. */
public record CreditApplication(UUID memoUuid, UUID invoiceUuid, BigDecimal amount) {
}
