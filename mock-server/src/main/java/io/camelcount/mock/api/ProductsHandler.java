package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.NewProduct;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.ProductUpdate;

import java.util.Set;

/** {@code /partners/products} (contract §5). */
public final class ProductsHandler {

    private static final Set<String> WRITABLE = Set.of("name", "unitPrice", "categoryAccountUuid");
    private static final Set<String> READ_ONLY = Set.of("uuid");

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        return ApiResponse.success(200, "Products retrieved",
                paging.render(request.workspace().products(query.text("search")), ProductsHandler::toJson));
    }

    ApiResponse create(ApiRequest request) {
        Product product = request.workspace().createProduct(newProduct(request.json(true)));
        return ApiResponse.success(201, "Product created", toJson(product));
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

    private static NewProduct newProduct(JsonBody body) {
        return new NewProduct(body.text("name"), body.number("unitPrice"), body.uuid("categoryAccountUuid"));
    }

    private static ObjectNode toJson(Product product) {
        return JsonNodeFactory.instance.objectNode()
                .put("uuid", product.uuid().toString())
                .put("name", product.name())
                .put("unitPrice", product.unitPrice())
                .put("categoryAccountUuid", product.categoryAccountUuid() == null ? null : product.categoryAccountUuid().toString());
    }
}
