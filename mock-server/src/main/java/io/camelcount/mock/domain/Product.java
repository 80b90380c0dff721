package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A product or service the workspace sells. COUNT books each invoice line to the product's category
 * (income) account, so a product without one ({@code categoryAccountUuid} null) cannot be invoiced;
 * {@code purchaseCategoryAccountUuid} is where buying it is booked. {@code taxUuids} are COUNT's tax
 * IDs, kept as sent: the mock has no tax list to check them against.
 */
public record Product(UUID uuid, String name, BigDecimal unitPrice, UUID categoryAccountUuid,
                      UUID purchaseCategoryAccountUuid, List<UUID> taxUuids) {

    public Product {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        // A seed file may leave it out.
        taxUuids = taxUuids == null ? List.of() : List.copyOf(taxUuids);
    }

    /** A product with a price and a category account, as seeds and tests usually need. */
    public Product(UUID uuid, String name, BigDecimal unitPrice, UUID categoryAccountUuid) {
        this(uuid, name, unitPrice, categoryAccountUuid, null, List.of());
    }
}
