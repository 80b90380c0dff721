package io.camelcount.mock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import io.camelcount.mock.admin.AdminGate;
import io.camelcount.mock.admin.AdminToken;
import io.camelcount.mock.admin.CountAdminApi;
import io.camelcount.mock.api.ApiRoutes;
import io.camelcount.mock.api.PartnerApiTransformer;
import io.camelcount.mock.auth.OAuthTransformer;
import io.camelcount.mock.auth.PartnerAuthenticator;
import io.camelcount.mock.auth.RateLimitHeaders;
import io.camelcount.mock.auth.RateLimiter;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.fault.FaultResponses;
import io.camelcount.mock.gateway.GatewayPasses;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.store.DataDirectory;
import io.camelcount.mock.store.SaveBeforeAnswer;
import io.camelcount.mock.web.PublicInvoicePage;

import java.util.List;
import java.util.Optional;

/**
 * The whole mock COUNT as WireMock extensions around one shared state: the gateway (rate limit, authentication,
 * faults), the partner API, OAuth, the public invoice page, the admin API ({@code /__admin/count}) and the mock's stub
 * mappings, which WireMock installs at start and again after each reset.
 * <p>
 * {@link CountMockServer} runs on it; so can a WireMock a team already runs:
 * <ul>
 * <li>WireMock's standalone runner loads it from the classpath (its extension scanning, on unless
 * {@code --disable-extensions-scanning}, reads {@code META-INF/services}), with the options from the
 * {@code COUNT_MOCK_*} environment variables, see {@link #CountMockExtensionFactory()};</li>
 * <li>a test gives it to {@code wireMockConfig().extensionFactories(CountMockServer.builder()....extensionFactory())}.</li>
 * </ul>
 * Only {@link CountMockServer} also guards Jetty against hostile input, keeps no bearer token in the request
 * journal and checks an upload's signature before reading its body: those are server settings, not extensions.
 */
public final class CountMockExtensionFactory implements ExtensionFactory {

    private final MockState state;
    private final RateLimiter rateLimiter;
    private final PartnerAuthenticator authenticator;
    private final Optional<AdminToken> adminToken;
    /** Null when the state is kept in memory only. */
    private final DataDirectory dataDirectory;
    private final GatewayPasses passes = new GatewayPasses();

    /**
     * For WireMock's runner, which instantiates it through {@link java.util.ServiceLoader}: the mock's options
     * come from the environment, as in the container image ({@code COUNT_MOCK_RATE_LIMIT}, {@code
     * COUNT_MOCK_CLOCK_START}, {@code COUNT_MOCK_SEED}, {@code COUNT_MOCK_ADMIN_TOKEN}, ...); the port, address and
     * journal are the runner's own options there.
     *
     * @throws IllegalArgumentException naming the variable whose value is refused
     */
    public CountMockExtensionFactory() {
        this(StandaloneOptions.parse(List.of(), System.getenv()).applyTo(CountMockServer.builder()).extensionFactory());
    }

    private CountMockExtensionFactory(CountMockExtensionFactory built) {
        this(built.state, built.rateLimiter, built.authenticator, built.adminToken, built.dataDirectory);
    }

    CountMockExtensionFactory(MockState state, RateLimiter rateLimiter, PartnerAuthenticator authenticator,
                              Optional<AdminToken> adminToken, DataDirectory dataDirectory) {
        this.state = state;
        this.rateLimiter = rateLimiter;
        this.authenticator = authenticator;
        this.adminToken = adminToken;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public List<Extension> create(WireMockServices services) {
        // A fixed port is known now; with a dynamic one CountMockServer tells the webhooks once Jetty has picked it.
        int port = services.getOptions().portNumber();
        if (port > 0) {
            listeningOn(port);
        }
        return List.of(
                new PartnerGateway(rateLimiter, state.credentials(), authenticator, state.faults(), state.variants(), passes),
                passes,
                new PartnerApiTransformer(ApiRoutes.partnerApi(state.webhooks().subscriptions()), state.workspaces(),
                        state.variants(), passes),
                new PublicInvoicePage(state.workspaces()),
                new OAuthTransformer(state.credentials(), state.tokens(), state::workspaceName, DemoWorkspace.WORKSPACE_UUID,
                        state.variants()),
                new RateLimitHeaders(rateLimiter, state.credentials()),
                new FaultResponses(passes),
                new CountAdminApi(state),
                new AdminGate(adminToken),
                new SaveBeforeAnswer(state::saveBeforeAnswer),
                new CountMappings(),
                new Shutdown());
    }

    /** The clock behind timestamps, token expiry, the rate-limit window and "today"; tests set or advance it. */
    public MockClock clock() {
        return state.clock();
    }

    MockState state() {
        return state;
    }

    GatewayPasses passes() {
        return passes;
    }

    PartnerAuthenticator authenticator() {
        return authenticator;
    }

    DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** The port no webhook callback may reach, so that the mock never calls itself. */
    void listeningOn(int port) {
        state.webhooks().deliveries().listeningOn(port);
    }

    /** Stops sending webhooks (pending deliveries are lost); with a data directory, saves what is left and unlocks it. */
    void close() {
        state.webhooks().close();
        if (dataDirectory != null) {
            dataDirectory.close();
        }
    }

    /** WireMock stops its extensions on {@code POST /__admin/shutdown}, which is how its runner stops the mock. */
    private final class Shutdown implements Extension {

        @Override
        public String getName() {
            return "count-mock-shutdown";
        }

        @Override
        public void stop() {
            close();
        }
    }
}
