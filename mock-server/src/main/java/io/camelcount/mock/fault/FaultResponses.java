package io.camelcount.mock.fault;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.api.ApiResponse;
import io.camelcount.mock.auth.RateLimitHeaders;
import io.camelcount.mock.gateway.GatewayPass;
import io.camelcount.mock.gateway.GatewayPasses;

/**
 * What an injected fault answers. A fault that replaces processing answers in place of the API
 * ({@link #instead}); one that comes after it travels in the request's {@link GatewayPass}, and this
 * transformer then delays or drops the response the API produced, whichever stub produced it. Being the
 * last reader of a pass, it also collects it.
 */
public final class FaultResponses implements ResponseTransformerV2 {

    /**
     * A reset rather than a clean close: what a crashed server or a load balancer timing out looks
     * like to a client, and what every HTTP client reports as an I/O error.
     */
    private static final Fault DROPPED_CONNECTION = Fault.CONNECTION_RESET_BY_PEER;

    private final GatewayPasses passes;

    public FaultResponses(GatewayPasses passes) {
        this.passes = passes;
    }

    @Override
    public String getName() {
        return "count-fault-responses";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    /** The answer of a fault that {@linkplain FaultKind#replacesProcessing() replaces processing}. */
    public static ResponseDefinition instead(FaultRule fault, AnswerVariants.Form form) {
        return switch (fault.kind()) {
            case SERVER_ERROR -> ApiResponse.error(fault.status(), fault.status() == 503 ? "service_unavailable" : "internal_error",
                    "COUNT failed to answer (a fault injected through the mock's admin API); retry later.").render(form);
            case RATE_LIMIT -> RateLimitHeaders.tooManyRequests(fault.retryAfterSeconds(), form);
            case DROP_BEFORE_APPLY -> ResponseDefinitionBuilder.responseDefinition().withFault(DROPPED_CONNECTION).build();
            case DELAY, DROP_AFTER_APPLY -> throw new IllegalArgumentException(fault.kind() + " does not replace processing");
        };
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        return passes.collect(serveEvent)
                .flatMap(GatewayPass::afterFault)
                .map(fault -> after(fault, response))
                .orElse(response);
    }

    private static Response after(FaultRule fault, Response response) {
        return switch (fault.kind()) {
            case DELAY -> Response.Builder.like(response).incrementInitialDelay(fault.delayMillis()).build();
            case DROP_AFTER_APPLY -> Response.Builder.like(response).fault(DROPPED_CONNECTION).build();
            case SERVER_ERROR, RATE_LIMIT, DROP_BEFORE_APPLY ->
                    throw new IllegalArgumentException(fault.kind() + " replaces processing");
        };
    }
}
