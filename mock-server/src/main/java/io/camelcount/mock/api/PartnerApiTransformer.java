package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.domain.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Answers every request that reaches the mock's catch-all stub: routes it, runs the operation and
 * renders the result or the refusal in COUNT's envelope, in the form the answer variants choose. WireMock
 * stubs a user adds at a higher priority still win, which is how a test injects a fault into one route.
 */
public final class PartnerApiTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "count-partner-api";
    /**
     * Set by the authentication filter to the workspace the bearer token grants; the filter strips any
     * value a client sends, so the API can trust it.
     */
    public static final String AUTHENTICATED_WORKSPACE_HEADER = "X-Count-Mock-Workspace";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerApiTransformer.class);

    private final ApiRoutes routes;
    private final Workspaces workspaces;
    private final AnswerVariants variants;

    public PartnerApiTransformer(ApiRoutes routes, Workspaces workspaces, AnswerVariants variants) {
        this.routes = routes;
        this.workspaces = workspaces;
        this.variants = variants;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the mock's own stub names this transformer; a test's stubs answer as they were written. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        return respond(request).render(variants.formFor(request));
    }

    private ApiResponse respond(Request http) {
        String url = http.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        try {
            return routes.match(http.getMethod(), path)
                    .map(match -> match.operation().handle(new ApiRequest(match.pathParameters(), http, workspaceOf(http))))
                    .orElseGet(() -> ApiResponse.error(404, "not_found",
                            "No route " + http.getMethod() + " " + path + " in the COUNT partner API"));
        } catch (DomainException refusal) {
            return ApiResponse.error(refusal);
        } catch (RuntimeException bug) {
            LOG.error("{} {} failed", http.getMethod(), path, bug);
            return ApiResponse.error(500, "internal_error", "The mock COUNT failed unexpectedly; its log has the details.");
        }
    }

    private Workspace workspaceOf(Request http) {
        String uuid = http.getHeader(AUTHENTICATED_WORKSPACE_HEADER);
        if (uuid == null) {
            throw new IllegalStateException("A partner route was reached without authentication");
        }
        return workspaces.find(UUID.fromString(uuid))
                .orElseThrow(() -> new IllegalStateException("Authenticated workspace " + uuid + " does not exist"));
    }
}
