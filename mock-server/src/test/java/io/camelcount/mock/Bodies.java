package io.camelcount.mock;

/** Request bodies against the demo workspace. */
final class Bodies {

    static final String ACME = DemoWorkspace.ACME_TRADING.toString();
    static final String CONSULTING = DemoWorkspace.CONSULTING_HOUR.toString();

    private Bodies() {
    }

    /** Two consulting hours at 120 for Acme, dated 2026-11-24, due 2026-12-24. */
    static String invoice() {
        return invoice(ACME, CONSULTING);
    }

    static String invoice(Object customerUuid, Object productUuid) {
        return "{\"customerUuid\":\"" + customerUuid + "\",\"date\":\"2026-11-24\",\"dueDate\":\"2026-12-24\","
                + "\"products\":[{\"productUuid\":\"" + productUuid + "\",\"quantity\":2,\"unitPrice\":120}]}";
    }
}
