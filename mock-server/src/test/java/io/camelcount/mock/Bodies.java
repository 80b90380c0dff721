package io.camelcount.mock;

import io.camelcount.mock.seed.DemoWorkspace;

/** Request bodies against the demo workspace. */
final class Bodies {

    static final String ACME = DemoWorkspace.ACME_TRADING.toString();
    static final String GLOBEX = DemoWorkspace.GLOBEX_SERVICES.toString();
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

    /**
     * One consulting line of {@code amount} for {@code customerUuid}, dated 2026-11-24 and due 2026-12-24.
     *
     * @param type     invoice, estimate or memo
     * @param approved created approved ({@code isDraft:false}) or as a draft
     */
    static String document(String type, Object customerUuid, String amount, boolean approved) {
        return "{\"invoiceType\":\"" + type + "\",\"isDraft\":" + !approved + ",\"customerUuid\":\"" + customerUuid
                + "\",\"date\":\"2026-11-24\",\"dueDate\":\"2026-12-24\",\"products\":[{\"productUuid\":\""
                + CONSULTING + "\",\"quantity\":1,\"unitPrice\":" + amount + "}]}";
    }

    /** {@code body} with {@code fields} (JSON members, without braces) added at the front. */
    static String with(String body, String fields) {
        return "{" + fields + "," + body.substring(1);
    }
}
