package io.camelcount.mock;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.auth.AuthResponses;
import io.camelcount.mock.auth.AuthenticationException;
import io.camelcount.mock.auth.Credentials;
import io.camelcount.mock.auth.PartnerAuthenticator;
import io.camelcount.mock.auth.RateLimitHeaders;
import io.camelcount.mock.auth.RateLimiter;
import io.camelcount.mock.auth.RequestSignature;
import io.camelcount.mock.fault.FaultResponses;
import io.camelcount.mock.fault.FaultRule;
import io.camelcount.mock.fault.Faults;
import io.camelcount.mock.gateway.GatewayPass;
import io.camelcount.mock.gateway.GatewayPasses;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What stands in front of COUNT's API, in the order a request meets it:
 * <ol>
 * <li>the rate limiter, per client ID; like an API gateway it counts every {@code /partners} request
 * that names a registered client ID, including those that then fail authentication;</li>
 * <li>authentication (signature and bearer token), which decides the workspace;</li>
 * <li>injected faults, which hit only requests that passed both, so that a fault never hides a
 * signing bug and a fault's {@code times} counts only calls the API would have served.</li>
 * </ol>
 * A refusal here is answered in the form the answer variants choose, as the API's own answers are.
 * A request that passes goes on unchanged; its workspace and the fault that acts on its response travel
 * in a {@link GatewayPass} held inside the server, never in a header, so that nothing a client sends can
 * choose them.
 */
final class PartnerGateway implements StubRequestFilterV2 {

    private final RateLimiter rateLimiter;
    private final Credentials credentials;
    private final PartnerAuthenticator authenticator;
    private final Faults faults;
    private final AnswerVariants variants;
    private final GatewayPasses passes;

    PartnerGateway(RateLimiter rateLimiter, Credentials credentials, PartnerAuthenticator authenticator, Faults faults,
                   AnswerVariants variants, GatewayPasses passes) {
        this.rateLimiter = rateLimiter;
        this.credentials = credentials;
        this.authenticator = authenticator;
        this.faults = faults;
        this.variants = variants;
        this.passes = passes;
    }

    @Override
    public String getName() {
        return "count-partner-gateway";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        Optional<UUID> workspace = Optional.empty();
        if (RateLimitHeaders.isPartnerRoute(request.getUrl())) {
            String clientId = request.getHeader("x-client-id");
            if (rateLimiter.enabled() && credentials.knows(clientId)) {
                RateLimiter.Quota quota = rateLimiter.admit(clientId);
                if (quota.exceeded()) {
                    return RequestFilterAction.stopWith(
                            RateLimitHeaders.tooManyRequests(quota.retryAfterSeconds(), variants.formFor(request)));
                }
            }
            try {
                workspace = authenticator.authenticate(request);
            } catch (AuthenticationException refusal) {
                return RequestFilterAction.stopWith(AuthResponses.unauthorized(refusal, variants.formFor(request)));
            }
        }
        Optional<FaultRule> fault = faults.strike(request.getMethod().getName().toUpperCase(Locale.ROOT),
                RequestSignature.urlPath(request.getUrl()));
        if (fault.isPresent() && fault.get().kind().replacesProcessing()) {
            return RequestFilterAction.stopWith(FaultResponses.instead(fault.get(), variants.formFor(request)));
        }
        passes.issue(serveEvent, new GatewayPass(workspace, fault));
        // WireMock copies the request it is handed into a new serve event's request; the copy it already made of
        // this one costs far less to copy again than the servlet request (whose every header it looks up anew).
        return RequestFilterAction.continueWith(serveEvent.getRequest());
    }
}
