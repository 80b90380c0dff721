package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A product's fields as a partner sent them; null when absent. Only {@code name} is required: count-cli's
 * create schema makes both category accounts optional and its smoke test creates a product from a name
 * alone, so COUNT accepts a product without a category account. Such a product cannot be invoiced until
 * it has one (contract §3); the accounts it names must be in the workspace's chart (see {@link Catalogue}).
 */
public record NewProduct(String name, BigDecimal unitPrice, UUID categoryAccountUuid, UUID purchaseCategoryAccountUuid,
                         List<UUID> taxUuids) {

    void validate() {
        if (name == null || name.isBlank()) {
            throw DomainException.validation("name", "name is required");
        }
        if (unitPrice != null) {
            if (unitPrice.signum() < 0) {
                throw DomainException.validation("unitPrice", "unitPrice must be 0 or more");
            }
            Money.requireAmount(unitPrice, "unitPrice");
        }
    }

    Product toProduct(UUID uuid) {
        return new Product(uuid, name, unitPrice == null ? Money.ZERO : Money.requireAmount(unitPrice, "unitPrice"),
                categoryAccountUuid, purchaseCategoryAccountUuid, taxUuids == null ? null : taxUuids.stream().distinct().toList());
    }
}
