package io.camelcount.mock.admin;

import com.github.tomakehurst.wiremock.admin.RequestSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.core.WireMockApp;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.ApiResponse;

import java.util.Optional;

/**
 * What stands in front of every admin route, WireMock's and the mock's own: with an {@link AdminToken}
 * configured, a request without it is refused; without one, WireMock's {@code POST /__admin/shutdown} is
 * refused, so that the mock stops only by a signal or with the admin token.
 * <p>
 * WireMock's {@code adminAuthenticator} holds the same token and would refuse the request too, but in
 * WireMock's own bare 401. This filter runs before it and answers in COUNT's error envelope, so that a
 * script reads every refusal of the mock the same way.
 */
public final class AdminGate implements AdminRequestFilterV2 {

    /** WireMock's route for its shutdown task, matched as WireMock matches it. */
    private static final RequestSpec SHUTDOWN = RequestSpec.requestSpec(RequestMethod.POST, "/shutdown");

    private final Optional<AdminToken> token;

    public AdminGate(Optional<AdminToken> token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return "count-admin-gate";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (token.isPresent() && !token.get().authenticate(request)) {
            return RequestFilterAction.stopWith(unauthorized(AdminToken.presentedBy(request)));
        }
        if (token.isEmpty() && isShutdown(request)) {
            return RequestFilterAction.stopWith(ApiResponse.error(403, "shutdown_disabled",
                    "POST /__admin/shutdown is disabled: the mock has no admin token. Stop it with a signal"
                            + " (Ctrl-C, kill), or start it with --admin-token (or COUNT_MOCK_ADMIN_TOKEN) and send"
                            + " Authorization: Bearer <token>.").render());
        }
        return RequestFilterAction.continueWith(request);
    }

    private static ResponseDefinition unauthorized(boolean tokenSent) {
        ResponseDefinition refusal = tokenSent
                ? ApiResponse.error(401, "invalid_admin_token", "The admin token is wrong. Send the token the mock"
                + " was started with (--admin-token or COUNT_MOCK_ADMIN_TOKEN) as Authorization: Bearer <token>.").render()
                : ApiResponse.error(401, "admin_token_required", "The admin API needs the mock's admin token: send"
                + " Authorization: Bearer <token>, with the token the mock was started with (--admin-token or"
                + " COUNT_MOCK_ADMIN_TOKEN).").render();
        return ResponseDefinitionBuilder.like(refusal)
                .withHeader("WWW-Authenticate", "Bearer realm=\"count-mock-admin\"")
                .build();
    }

    /** As WireMock's {@code AdminRequestHandler} finds the route: every {@code /__admin} removed, the query ignored. */
    private static boolean isShutdown(Request request) {
        String path = Urls.getPath(request.getUrl().replace(WireMockApp.ADMIN_CONTEXT_ROOT, ""));
        return SHUTDOWN.matches(request.getMethod(), path);
    }
}
