package io.camelcount.features.support;

import java.util.Map;

/**
 * The customers and products the features name, and their UUIDs in the mock COUNT's demo workspace
 * ({@code docs/WIRE-FORMAT.md}).
 */
public final class DemoWorkspace {

    private static final Map<String, String> CUSTOMERS = Map.of(
            "Acme Trading Ltd", "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081",
            "Globex Services", "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7082");
    private static final Map<String, String> PRODUCTS = Map.of(
            "Consulting hour", "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01",
            "Support plan", "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02");

    private DemoWorkspace() {
    }

    public static String customerUuid(String name) {
        return lookup(CUSTOMERS, "customer", name);
    }

    public static String productUuid(String name) {
        return lookup(PRODUCTS, "product", name);
    }

    private static String lookup(Map<String, String> names, String kind, String name) {
        String uuid = names.get(name);
        if (uuid == null) {
            throw new IllegalArgumentException("The demo workspace has no " + kind + " named '" + name + "'; it has "
                                               + names.keySet());
        }
        return uuid;
    }
}
