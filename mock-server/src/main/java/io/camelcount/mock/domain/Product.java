package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A product or service the workspace sells. COUNT books each invoice line to the product's category
 * (income) account, so a product without one ({@code categoryAccountUuid} null) cannot be invoiced.
 */
public record Product(UUID uuid, String name, BigDecimal unitPrice, UUID categoryAccountUuid) {

    public Product {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
