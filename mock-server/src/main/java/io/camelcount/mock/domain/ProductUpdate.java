package io.camelcount.mock.domain;

import java.util.Set;

/** A partial update of a product: only the fields named in {@code fields} (wire names) change. */
public record ProductUpdate(NewProduct values, Set<String> fields) {

    public ProductUpdate {
        fields = Set.copyOf(fields);
    }

    NewProduct applyTo(Product current) {
        return new NewProduct(
                fields.contains("name") ? values.name() : current.name(),
                fields.contains("unitPrice") ? values.unitPrice() : current.unitPrice(),
                fields.contains("categoryAccountUuid") ? values.categoryAccountUuid() : current.categoryAccountUuid(),
                fields.contains("purchaseCategoryAccountUuid") ? values.purchaseCategoryAccountUuid()
                        : current.purchaseCategoryAccountUuid(),
                fields.contains("taxUuids") ? values.taxUuids() : current.taxUuids());
    }
}
