package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of a create request as the partner sent it: any field may be missing (null). */
public record NewInvoiceLine(UUID productUuid, String description, BigDecimal quantity, BigDecimal unitPrice) {

    void validate(String prefix) {
        if (productUuid == null) {
            throw DomainException.validation(prefix + "productUuid", prefix + "productUuid is required");
        }
        if (quantity == null) {
            throw DomainException.validation(prefix + "quantity", prefix + "quantity is required");
        }
        if (!Money.isPositive(quantity)) {
            throw DomainException.validation(prefix + "quantity", prefix + "quantity must be greater than 0");
        }
        if (unitPrice == null) {
            throw DomainException.validation(prefix + "unitPrice", prefix + "unitPrice (or its alias price) is required");
        }
        if (unitPrice.signum() < 0) {
            throw DomainException.validation(prefix + "unitPrice", prefix + "unitPrice must be 0 or more");
        }
        Money.requireAmount(unitPrice, prefix + "unitPrice");
    }
}
