package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import com.github.tomakehurst.wiremock.http.RequestMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner API's routes, one line each, so that the whole surface reads in one place and a
 * route is a method reference rather than a string looked up in a switch.
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

    public static ApiRoutes partnerApi(InvoicesHandler invoices) {
        ApiRoutes api = new ApiRoutes();
        api.add(RequestMethod.POST, "/partners/invoices", invoices::create);
        api.add(RequestMethod.GET, "/partners/invoices/{uuid}", invoices::get);
        api.add(RequestMethod.PATCH, "/partners/invoices/{uuid}/approve", invoices::approve);
        api.add(RequestMethod.POST, "/partners/invoices/{uuid}/send", invoices::send);
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
