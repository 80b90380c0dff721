package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.NewProduct;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.ProductUpdate;

import java.util.Set;
import java.util.UUID;

/** {@code /partners/products} (contract §5), with the fields count-cli sends for a product. */
public final class ProductsHandler {

    private static final Set<String> WRITABLE = Set.of("name", "unitPrice", "categoryAccountUuid",
            "purchaseCategoryAccountUuid", "taxUuids");
    private static final Set<String> READ_ONLY = Set.of("id", "uuid");

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        return ApiResponse.success(200, "Products retrieved",
                paging.render(request.workspace().products(query.text("search")), ProductsHandler::toJson));
    }

    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        Product product = request.workspace().createProduct(newProduct(body));
        return ApiResponse.success(201, "Product created", toJson(product))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a product"));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.success(200, "Product retrieved", toJson(request.workspace().product(request.uuidParameter("uuid"))));
    }

    ApiResponse update(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        var warnings = PartnerWarning.check(body, WRITABLE, READ_ONLY, "a product");
        Product product = request.workspace().updateProduct(uuid,
                new ProductUpdate(newProduct(body), InvoicesHandler.sentFields(body, WRITABLE)));
        return ApiResponse.success(200, "Product updated", toJson(product)).withWarnings(warnings);
    }

    /** 400 {@code product_in_use} while an invoice line or a template uses the product (contract §5). */
    ApiResponse delete(ApiRequest request) {
        Product deleted = request.workspace().deleteProduct(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Product deleted", deleted.uuid());
    }

    private static NewProduct newProduct(JsonBody body) {
        return new NewProduct(body.text("name"), body.number("unitPrice"), body.uuid("categoryAccountUuid"),
                body.uuid("purchaseCategoryAccountUuid"), body.uuids("taxUuids"));
    }

    private static ObjectNode toJson(Product product) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", product.uuid().toString())
                .put("name", product.name())
                .put("unitPrice", product.unitPrice())
                .put("categoryAccountUuid", text(product.categoryAccountUuid()))
                .put("purchaseCategoryAccountUuid", text(product.purchaseCategoryAccountUuid()));
        ArrayNode taxes = json.putArray("taxUuids");
        product.taxUuids().forEach(tax -> taxes.add(tax.toString()));
        return json;
    }

    private static String text(UUID uuid) {
        return uuid == null ? null : uuid.toString();
    }
}
