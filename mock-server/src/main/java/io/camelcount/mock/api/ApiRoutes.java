package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.camelcount.mock.webhook.Subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PATCH;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;
import static io.camelcount.mock.api.ResourceName.ACCOUNT;
import static io.camelcount.mock.api.ResourceName.CUSTOMER;
import static io.camelcount.mock.api.ResourceName.INVOICE;
import static io.camelcount.mock.api.ResourceName.PRODUCT;
import static io.camelcount.mock.api.ResourceName.RECURRING_INVOICE_TEMPLATE;
import static io.camelcount.mock.api.ResourceName.TAG;
import static io.camelcount.mock.api.ResourceName.TAG_GROUP;
import static io.camelcount.mock.api.ResourceName.TRANSACTION;
import static io.camelcount.mock.api.ResourceName.WEBHOOK;

/**
 * The partner API's routes, one line each, so that the whole surface reads in one place and a
 * route is a method reference rather than a string looked up in a switch. The first match wins, so a
 * fixed segment ({@code find-by-email}, {@code bulk}, {@code groups}) comes before the {@code {uuid}} it would otherwise fill. Each route
 * also says what its answer's {@code data} is, one resource or a page of them, so that the answer variants
 * ({@link AnswerVariants}) name it as COUNT does.
 */
public final class ApiRoutes {

    @FunctionalInterface
    interface Operation {
        ApiResponse handle(ApiRequest request);
    }

    record Match(Operation operation, Map<String, String> pathParameters) {
    }

    private record Route(Endpoint endpoint, PathTemplate path, Operation operation) {
    }

    /**
     * A line of the table as a client sees it, e.g. {@code PATCH /partners/invoices/{uuid}}; {@code page} when its
     * {@code data} is a page, which reads {@code page} and {@code limit}.
     */
    public record Endpoint(RequestMethod method, String path, boolean page) {
    }

    private final List<Route> routes = new ArrayList<>();

    private ApiRoutes() {
    }

    /** @param subscriptions the webhook subscriptions the webhook routes manage */
    public static ApiRoutes partnerApi(Subscriptions subscriptions) {
        InvoicesHandler invoices = new InvoicesHandler();
        CreditsHandler credits = new CreditsHandler();
        AttachmentsHandler attachments = new AttachmentsHandler();
        RecurringTemplatesHandler templates = new RecurringTemplatesHandler();
        CustomersHandler customers = new CustomersHandler();
        ProductsHandler products = new ProductsHandler();
        TagsHandler tags = new TagsHandler();
        TagGroupsHandler tagGroups = new TagGroupsHandler();
        ChartOfAccountsHandler chartOfAccounts = new ChartOfAccountsHandler();
        TransactionsHandler transactions = new TransactionsHandler();
        WebhooksHandler webhooks = new WebhooksHandler(subscriptions);
        ApiRoutes api = new ApiRoutes();

        api.page(GET, "/partners/invoices", INVOICE, invoices::list);
        api.one(POST, "/partners/invoices", INVOICE, invoices::create);
        api.one(GET, "/partners/invoices/{uuid}", INVOICE, invoices::get);
        api.one(PATCH, "/partners/invoices/{uuid}", INVOICE, invoices::update);
        api.add(DELETE, "/partners/invoices/{uuid}", invoices::delete);
        api.one(PATCH, "/partners/invoices/{uuid}/approve", INVOICE, invoices::approve);
        api.one(POST, "/partners/invoices/{uuid}/send", INVOICE, invoices::send);
        api.add(GET, "/partners/invoices/{uuid}/public-link", invoices::publicLink);
        api.add(GET, "/partners/invoices/{uuid}/audit-log", invoices::auditLog);
        api.one(POST, "/partners/invoices/{uuid}/attachments", INVOICE, attachments::addLinks);
        api.one(POST, "/partners/invoices/{uuid}/attachments/upload", INVOICE, attachments::upload);
        api.one(PATCH, "/partners/invoices/{uuid}/apply-multiple-credit-to-invoice", INVOICE, credits::applyCreditMemos);
        api.one(PATCH, "/partners/invoices/{uuid}/apply-credit-to-multiple-invoices", INVOICE, credits::applyMemoToInvoices);
        api.one(PATCH, "/partners/invoices/{uuid}/remove-credit", INVOICE, credits::removeCredit);
        api.one(PATCH, "/partners/invoices/{uuid}/remove-transaction", INVOICE, transactions::removeTransaction);

        api.page(GET, "/partners/recurring-invoice-templates", RECURRING_INVOICE_TEMPLATE, templates::list);
        api.one(POST, "/partners/recurring-invoice-templates", RECURRING_INVOICE_TEMPLATE, templates::create);
        api.one(GET, "/partners/recurring-invoice-templates/{uuid}", RECURRING_INVOICE_TEMPLATE, templates::get);
        api.one(PATCH, "/partners/recurring-invoice-templates/{uuid}", RECURRING_INVOICE_TEMPLATE, templates::update);
        api.add(DELETE, "/partners/recurring-invoice-templates/{uuid}", templates::delete);
        api.one(POST, "/partners/recurring-invoice-templates/{uuid}/pause", RECURRING_INVOICE_TEMPLATE, templates::pause);
        api.one(POST, "/partners/recurring-invoice-templates/{uuid}/resume", RECURRING_INVOICE_TEMPLATE, templates::resume);

        api.page(GET, "/partners/customers", CUSTOMER, customers::list);
        api.one(POST, "/partners/customers", CUSTOMER, customers::create);
        api.one(GET, "/partners/customers/find-by-email", CUSTOMER, customers::findByEmail);
        api.add(POST, "/partners/customers/bulk", customers::bulkCreate);
        api.add(PATCH, "/partners/customers/bulk", customers::bulkUpdate);
        api.one(GET, "/partners/customers/{uuid}", CUSTOMER, customers::get);
        api.one(PUT, "/partners/customers/{uuid}", CUSTOMER, customers::update);
        api.add(DELETE, "/partners/customers/{uuid}", customers::delete);

        api.page(GET, "/partners/products", PRODUCT, products::list);
        api.one(POST, "/partners/products", PRODUCT, products::create);
        api.one(GET, "/partners/products/{uuid}", PRODUCT, products::get);
        api.one(PATCH, "/partners/products/{uuid}", PRODUCT, products::update);
        api.add(DELETE, "/partners/products/{uuid}", products::delete);

        api.page(GET, "/partners/tags/groups", TAG_GROUP, tagGroups::list);
        api.one(POST, "/partners/tags/groups", TAG_GROUP, tagGroups::create);
        api.one(GET, "/partners/tags/groups/{uuid}", TAG_GROUP, tagGroups::get);
        api.one(PATCH, "/partners/tags/groups/{uuid}", TAG_GROUP, tagGroups::update);
        api.add(DELETE, "/partners/tags/groups/{uuid}", tagGroups::delete);

        api.page(GET, "/partners/tags", TAG, tags::list);
        api.one(POST, "/partners/tags", TAG, tags::create);
        api.one(GET, "/partners/tags/{uuid}", TAG, tags::get);
        api.one(PATCH, "/partners/tags/{uuid}", TAG, tags::update);
        api.add(DELETE, "/partners/tags/{uuid}", tags::delete);

        api.page(GET, "/partners/chart-of-accounts", ACCOUNT, chartOfAccounts::list);

        api.page(GET, "/partners/transactions", TRANSACTION, transactions::list);
        api.one(POST, "/partners/transactions", TRANSACTION, transactions::create);
        api.one(GET, "/partners/transactions/{uuid}", TRANSACTION, transactions::get);
        api.one(PATCH, "/partners/transactions/{uuid}", TRANSACTION, transactions::update);
        api.add(DELETE, "/partners/transactions/{uuid}", transactions::delete);
        api.one(POST, "/partners/transactions/{uuid}/assign-to-bills-invoices", TRANSACTION, transactions::assign);

        // A subscription is answered under data.webhook in every form (COUNT's documented create), so not through one().
        api.page(GET, "/partners/webhooks", WEBHOOK, webhooks::list);
        api.add(POST, "/partners/webhooks", webhooks::create);
        api.add(GET, "/partners/webhooks/{uuid}", webhooks::get);
        api.add(PATCH, "/partners/webhooks/{uuid}", webhooks::update);
        api.add(DELETE, "/partners/webhooks/{uuid}", webhooks::delete);
        return api;
    }

    /** A route whose {@code data} is a page of {@code resource}s, which variants may name after it. */
    private void page(RequestMethod method, String path, ResourceName resource, Operation operation) {
        add(new Endpoint(method, path, true), request -> operation.handle(request).aboutPage(resource));
    }

    /** A route whose {@code data} is one {@code resource}, which variants may put under its name. */
    private void one(RequestMethod method, String path, ResourceName resource, Operation operation) {
        add(method, path, request -> operation.handle(request).aboutOne(resource));
    }

    /** A route whose answer is not a resource (a deletion, a link, an audit log): one form only. */
    private void add(RequestMethod method, String path, Operation operation) {
        add(new Endpoint(method, path, false), operation);
    }

    private void add(Endpoint endpoint, Operation operation) {
        routes.add(new Route(endpoint, new PathTemplate(endpoint.path()), operation));
    }

    /** Every route, in the order they are matched; for tests that walk the whole API. */
    public List<Endpoint> endpoints() {
        return routes.stream().map(Route::endpoint).toList();
    }

    Optional<Match> match(RequestMethod method, String path) {
        return routes.stream()
                .filter(route -> route.endpoint().method().equals(method) && route.path().matches(path))
                .findFirst()
                .map(route -> new Match(route.operation(), route.path().parse(path)));
    }
}
