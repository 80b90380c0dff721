package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A product's fields as a partner sent them; null when absent. */
public record NewProduct(String name, BigDecimal unitPrice, UUID categoryAccountUuid) {

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

    /** A product made or changed through the API always has a category account, so that it can be invoiced. */
    static void requireCategoryAccount(UUID categoryAccountUuid) {
        if (categoryAccountUuid == null) {
            throw DomainException.validation("categoryAccountUuid",
                    "categoryAccountUuid is required: COUNT books every invoice line to the product's category account");
        }
    }

    Product toProduct(UUID uuid) {
        return new Product(uuid, name, unitPrice == null ? Money.ZERO : Money.requireAmount(unitPrice, "unitPrice"),
                categoryAccountUuid);
    }
}
