package io.camelcount.mock.auth;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.api.ApiResponse;

/**
 * Puts {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (Unix
 * seconds at which a slot frees) on every {@code /partners} response to a registered client ID:
 * successes, errors, refusals and the answers of stubs a test added. Applied to the finished response,
 * so no route can forget them. With the limiter off there are no headers, as a client must cope with.
 */
public final class RateLimitHeaders implements ResponseTransformerV2 {

    private final RateLimiter rateLimiter;
    private final Credentials credentials;

    public RateLimitHeaders(RateLimiter rateLimiter, Credentials credentials) {
        this.rateLimiter = rateLimiter;
        this.credentials = credentials;
    }

    @Override
    public String getName() {
        return "count-rate-limit-headers";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    /**
     * 429 {@code rate_limited} with {@code "type":"RATE_LIMITED"} (contract §2) and {@code Retry-After}, whether
     * from the limiter or from an injected fault.
     */
    public static ResponseDefinition tooManyRequests(long retryAfterSeconds, AnswerVariants.Form form) {
        ResponseDefinition envelope = ApiResponse.error(429, "rate_limited", "Too many requests: COUNT allows a limited"
                        + " number of requests per minute per client ID. Retry after " + retryAfterSeconds + " seconds.")
                .withType("RATE_LIMITED").render(form);
        return ResponseDefinitionBuilder.like(envelope).withHeader("Retry-After", Long.toString(retryAfterSeconds)).build();
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        String clientId = serveEvent.getRequest().getHeader("x-client-id");
        if (!isPartnerRoute(serveEvent.getRequest().getUrl()) || !credentials.knows(clientId)) {
            return response;
        }
        return rateLimiter.quota(clientId)
                .map(quota -> Response.Builder.like(response).headers(response.getHeaders()
                        .plus(new HttpHeader("X-RateLimit-Limit", Integer.toString(quota.limit())),
                                new HttpHeader("X-RateLimit-Remaining", Integer.toString(quota.remaining())),
                                new HttpHeader("X-RateLimit-Reset", Long.toString(quota.resetEpochSecond()))))
                        .build())
                .orElse(response);
    }

    public static boolean isPartnerRoute(String url) {
        String path = RequestSignature.urlPath(url);
        return path.equals("/partners") || path.startsWith("/partners/");
    }
}
