package io.camelcount.features.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Product;

/**
 * The customers and products a scenario names (not the mock's {@code domain.Workspace}, which is COUNT's side). Every scenario makes its own customers through
 * {@code count:customers?operation=create} (a unique name and email), so scenarios never see each other's
 * invoices. Products are the workspace's catalogue: the mock's demo products, or, against a real COUNT,
 * the sandbox's products of the same names.
 */
public class CustomersAndProducts {

    private static final Map<String, String> DEMO_PRODUCTS = Map.of(
            "Consulting hour", "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01",
            "Support plan", "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02");

    private final CountClient count;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, String> products = new HashMap<>();

    public CustomersAndProducts(CountClient count) {
        this.count = count;
    }

    /** Creates the customer {@code name} for this scenario alone: its name and email carry a unique suffix. */
    public Customer newCustomer(String name) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customer", name + " " + runId);
        request.put("email", "billing+" + runId + "-" + customers.size() + "@" + slug(name) + ".example");
        Customer created = count.call("customers", "create", null, request, Customer.class);
        if (created == null || created.getUuid() == null) {
            throw new IllegalStateException("COUNT created no customer for " + name);
        }
        customers.put(name, created);
        return created;
    }

    public Customer customer(String name) {
        Customer customer = customers.get(name);
        if (customer == null) {
            throw new IllegalStateException("The scenario has no customer '" + name + "': add 'Given a new customer \""
                                             + name + "\"' first; it has " + customers.keySet());
        }
        return customer;
    }

    public String productUuid(String name) {
        return products.computeIfAbsent(name, this::findProduct);
    }

    @SuppressWarnings("unchecked")
    private String findProduct(String name) {
        if (!CountTarget.isRemote()) {
            String uuid = DEMO_PRODUCTS.get(name);
            if (uuid == null) {
                throw new IllegalArgumentException("The demo workspace has no product named '" + name + "'; it has "
                                                   + DEMO_PRODUCTS.keySet());
            }
            return uuid;
        }
        Page<Product> page = count.exchange("count:products?operation=list&limit=100", null,
                Map.of(CountConstants.SEARCH, name)).getBody(Page.class);
        return page.records().stream()
                .filter(product -> name.equalsIgnoreCase(product.getName()))
                .map(Product::getUuid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The COUNT workspace has no product named '" + name
                                                             + "': create it (with a category account) before running the features"));
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
