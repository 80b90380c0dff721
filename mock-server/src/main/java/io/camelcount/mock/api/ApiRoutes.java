package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import com.github.tomakehurst.wiremock.http.RequestMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PATCH;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;

/**
 * The partner API's routes, one line each, so that the whole surface reads in one place and a
 * route is a method reference rather than a string looked up in a switch. The first match wins, so a
 * fixed segment ({@code find-by-email}, {@code bulk}, {@code groups}) comes before the {@code {uuid}} it
 * would otherwise fill.
 */
public final class ApiRoutes {

    @FunctionalInterface
    interface Operation {
        ApiResponse handle(ApiRequest request);
    }

    record Match(Operation operation, Map<String, String> pathParameters) {
    }

    private record Route(RequestMethod method, PathTemplate path, Operation operation) {
    }

    private final List<Route> routes = new ArrayList<>();

    private ApiRoutes() {
    }

    public static ApiRoutes partnerApi() {
        InvoicesHandler invoices = new InvoicesHandler();
        CreditsHandler credits = new CreditsHandler();
        AttachmentsHandler attachments = new AttachmentsHandler();
        RecurringTemplatesHandler templates = new RecurringTemplatesHandler();
        CustomersHandler customers = new CustomersHandler();
        ProductsHandler products = new ProductsHandler();
        TagsHandler tags = new TagsHandler();
        TagGroupsHandler tagGroups = new TagGroupsHandler();
        ChartOfAccountsHandler chartOfAccounts = new ChartOfAccountsHandler();
        ApiRoutes api = new ApiRoutes();

        api.add(GET, "/partners/invoices", invoices::list);
        api.add(POST, "/partners/invoices", invoices::create);
        api.add(GET, "/partners/invoices/{uuid}", invoices::get);
        api.add(PATCH, "/partners/invoices/{uuid}", invoices::update);
        api.add(DELETE, "/partners/invoices/{uuid}", invoices::delete);
        api.add(PATCH, "/partners/invoices/{uuid}/approve", invoices::approve);
        api.add(POST, "/partners/invoices/{uuid}/send", invoices::send);
        api.add(GET, "/partners/invoices/{uuid}/public-link", invoices::publicLink);
        api.add(GET, "/partners/invoices/{uuid}/audit-log", invoices::auditLog);
        api.add(POST, "/partners/invoices/{uuid}/attachments", attachments::addLinks);
        api.add(POST, "/partners/invoices/{uuid}/attachments/upload", attachments::upload);
        api.add(PATCH, "/partners/invoices/{uuid}/apply-multiple-credit-to-invoice", credits::applyCreditMemos);
        api.add(PATCH, "/partners/invoices/{uuid}/apply-credit-to-multiple-invoices", credits::applyMemoToInvoices);
        api.add(PATCH, "/partners/invoices/{uuid}/remove-credit", credits::removeCredit);

        api.add(GET, "/partners/recurring-invoice-templates", templates::list);
        api.add(POST, "/partners/recurring-invoice-templates", templates::create);
        api.add(GET, "/partners/recurring-invoice-templates/{uuid}", templates::get);
        api.add(PATCH, "/partners/recurring-invoice-templates/{uuid}", templates::update);
        api.add(DELETE, "/partners/recurring-invoice-templates/{uuid}", templates::delete);
        api.add(POST, "/partners/recurring-invoice-templates/{uuid}/pause", templates::pause);
        api.add(POST, "/partners/recurring-invoice-templates/{uuid}/resume", templates::resume);

        api.add(GET, "/partners/customers", customers::list);
        api.add(POST, "/partners/customers", customers::create);
        api.add(GET, "/partners/customers/find-by-email", customers::findByEmail);
        api.add(POST, "/partners/customers/bulk", customers::bulkCreate);
        api.add(PATCH, "/partners/customers/bulk", customers::bulkUpdate);
        api.add(GET, "/partners/customers/{uuid}", customers::get);
        api.add(PUT, "/partners/customers/{uuid}", customers::update);
        api.add(DELETE, "/partners/customers/{uuid}", customers::delete);

        api.add(GET, "/partners/products", products::list);
        api.add(POST, "/partners/products", products::create);
        api.add(GET, "/partners/products/{uuid}", products::get);
        api.add(PATCH, "/partners/products/{uuid}", products::update);
        api.add(DELETE, "/partners/products/{uuid}", products::delete);

        api.add(GET, "/partners/tags/groups", tagGroups::list);
        api.add(POST, "/partners/tags/groups", tagGroups::create);
        api.add(GET, "/partners/tags/groups/{uuid}", tagGroups::get);
        api.add(PATCH, "/partners/tags/groups/{uuid}", tagGroups::update);
        api.add(DELETE, "/partners/tags/groups/{uuid}", tagGroups::delete);

        api.add(GET, "/partners/tags", tags::list);
        api.add(POST, "/partners/tags", tags::create);
        api.add(GET, "/partners/tags/{uuid}", tags::get);
        api.add(PATCH, "/partners/tags/{uuid}", tags::update);
        api.add(DELETE, "/partners/tags/{uuid}", tags::delete);

        api.add(GET, "/partners/chart-of-accounts", chartOfAccounts::list);
        return api;
    }

    private void add(RequestMethod method, String path, Operation operation) {
        routes.add(new Route(method, new PathTemplate(path), operation));
    }

    Optional<Match> match(RequestMethod method, String path) {
        return routes.stream()
                .filter(route -> route.method().equals(method) && route.path().matches(path))
                .findFirst()
                .map(route -> new Match(route.operation(), route.path().parse(path)));
    }
}
