package io.camelcount.mock.api;

/**
 * What COUNT calls a resource in its answers: {@code invoice} for one ({@code data.invoice}, a form some
 * live routes use), {@code invoices} for the array of a page (the form count-cli reads besides
 * {@code records}). Routes declare it ({@link ApiRoutes}), so that no answer's name is guessed from its URL.
 *
 * @param one  the name of a single resource, e.g. {@code recurringInvoiceTemplate}
 * @param many the name of a list of them, e.g. {@code recurringInvoiceTemplates}
 */
public record ResourceName(String one, String many) {

    public static final ResourceName INVOICE = new ResourceName("invoice", "invoices");
    public static final ResourceName RECURRING_INVOICE_TEMPLATE =
            new ResourceName("recurringInvoiceTemplate", "recurringInvoiceTemplates");
    public static final ResourceName CUSTOMER = new ResourceName("customer", "customers");
    public static final ResourceName PRODUCT = new ResourceName("product", "products");
    public static final ResourceName TAG = new ResourceName("tag", "tags");
    /** COUNT's name for a list of tag groups is not known (count-cli never lists them); {@code tagGroups} is our reading. */
    public static final ResourceName TAG_GROUP = new ResourceName("tagGroup", "tagGroups");
    /** count-cli reads the chart of accounts' array as {@code accounts}. */
    public static final ResourceName ACCOUNT = new ResourceName("account", "accounts");
    /** count-cli reads a bulk create's rows as {@code transaction}; the list's {@code transactions} is our reading. */
    public static final ResourceName TRANSACTION = new ResourceName("transaction", "transactions");
    /** COUNT's documented create answers {@code data.webhook}; the list's {@code webhooks} is our reading. */
    public static final ResourceName WEBHOOK = new ResourceName("webhook", "webhooks");
}
