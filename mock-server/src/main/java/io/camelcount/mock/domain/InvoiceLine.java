package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

public record InvoiceLine(UUID productUuid, String description, BigDecimal quantity, BigDecimal unitPrice) {

    public BigDecimal amount() {
        return Money.round(quantity.multiply(unitPrice));
    }
}
