package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.domain.Workspaces;
import io.camelcount.mock.gateway.GatewayPass;
import io.camelcount.mock.gateway.GatewayPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.UUID;

/**
 * Answers every request that reaches the mock's catch-all stub: routes it, runs the operation and
 * renders the result or the refusal in COUNT's envelope, in the form the answer variants choose. WireMock
 * stubs a user adds at a higher priority still win, which is how a test injects a fault into one route.
 */
public final class PartnerApiTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "count-partner-api";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerApiTransformer.class);

    private final ApiRoutes routes;
    private final Workspaces workspaces;
    private final AnswerVariants variants;
    private final GatewayPasses passes;

    public PartnerApiTransformer(ApiRoutes routes, Workspaces workspaces, AnswerVariants variants, GatewayPasses passes) {
        this.routes = routes;
        this.workspaces = workspaces;
        this.variants = variants;
        this.passes = passes;
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
        return respond(request, serveEvent).render(variants.formFor(request));
    }

    private ApiResponse respond(Request http, ServeEvent serveEvent) {
        String url = http.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        try {
            return routes.match(http.getMethod(), path)
                    .map(match -> workspaceOf(serveEvent)
                            .map(workspace -> match.operation().handle(new ApiRequest(match.pathParameters(), http, workspace)))
                            .orElseGet(() -> ApiResponse.error(401, "invalid_token", "The workspace this access token was"
                                    + " granted for no longer exists; authorise the app again through /auth2/authorize-intiate.")))
                    .orElseGet(() -> ApiResponse.error(404, "not_found",
                            "No route " + http.getMethod() + " " + path + " in the COUNT partner API"));
        } catch (DomainException refusal) {
            return ApiResponse.error(refusal);
        } catch (RuntimeException bug) {
            LOG.error("{} {} failed", http.getMethod(), path, bug);
            return ApiResponse.error(500, "internal_error", "The mock COUNT failed unexpectedly; its log has the details.");
        }
    }

    /**
     * The workspace the gateway authenticated the request for; empty when it is gone (a reset between the
     * gateway and here dropped a workspace that a seed had added). Every route is under {@code /partners},
     * which the gateway authenticates, so a missing pass is a bug.
     */
    private Optional<Workspace> workspaceOf(ServeEvent serveEvent) {
        UUID uuid = passes.of(serveEvent).flatMap(GatewayPass::workspace)
                .orElseThrow(() -> new IllegalStateException("A partner route was reached without authentication"));
        return workspaces.find(uuid);
    }
}
