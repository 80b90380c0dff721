package io.camelcount.features.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;

import io.camelcount.component.CountApiException;
import io.camelcount.component.CountAuthenticationException;
import io.camelcount.component.CountAuthorizationException;
import io.camelcount.component.auth.InMemoryTokenStore;
import io.camelcount.component.auth.TokenStore;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.model.Customer;
import io.camelcount.features.support.CountClient;
import io.camelcount.features.support.CountTarget;
import io.camelcount.features.support.MockAdmin;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.camel.builder.RouteBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication. Scenarios that expire or rotate tokens get a partner app and workspace of their own
 * (added through the mock's admin API), so the rest of the suite keeps its tokens.
 */
public class AuthenticationSteps {

    private final MockAdmin admin;
    private final List<CountClient> opened = new ArrayList<>();
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String clientId = "partner-" + id;
    private final String clientSecret = "secret-" + id;
    private final String firstAccessToken = "access-" + id;
    private final String firstRefreshToken = "refresh-" + id;
    private final SavedTokens tokenStore = new SavedTokens();
    private CountClient app;
    private Customer created;
    private RuntimeException failure;

    public AuthenticationSteps(MockAdmin admin) {
        this.admin = admin;
    }

    @After
    public void closeConnections() {
        opened.forEach(CountClient::close);
    }

    @Given("a partner app connected to a workspace of its own")
    public void aPartnerApp() throws Exception {
        admin.post("seed", """
                {"partnerApps":[{"clientId":"%s","clientSecret":"%s"}],
                 "workspaces":[{"uuid":"%s","name":"Workspace %s",
                   "accessGrants":[{"clientId":"%s","accessToken":"%s","refreshToken":"%s"}]}]}
                """.formatted(clientId, clientSecret, UUID.randomUUID(), id, clientId, firstAccessToken, firstRefreshToken));
        app = connect(tokenStore, firstAccessToken, firstRefreshToken);
        app.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:new-customer").routeId("new-customer").to("count:customers?operation=create");
            }
        });
    }

    private CountClient connect(TokenStore store, String accessToken, String refreshToken) {
        CountClient client = CountClient.customised(configuration -> {
            configuration.setClientId(clientId);
            configuration.setClientSecret(clientSecret);
            configuration.setAccessToken(accessToken);
            configuration.setRefreshToken(refreshToken);
            configuration.setTokenStore(store);
        });
        opened.add(client);
        return client;
    }

    @When("COUNT expires the app's access token")
    public void expire() {
        assertThat(admin.post("tokens/expire", "{\"clientId\":\"" + clientId + "\"}")).contains("\"expired\":1");
    }

    @When("the app's route creates the customer {string}")
    public void routeCreates(String name) {
        created = app.camel().createProducerTemplate().requestBody("direct:new-customer",
                Map.of("customer", name + " " + id, "email", "ap-" + id + "@example.com"), Customer.class);
    }

    @Then("the route gets the customer {string} back")
    public void routeGotCustomer(String name) {
        assertThat(created).isNotNull();
        assertThat(created.getCustomer()).isEqualTo(name + " " + id);
        assertThat(created.getUuid()).isNotBlank();
        Customer reread = app.call("customers", "get", created.getUuid(), null, Customer.class);
        assertThat(reread.getCustomer()).isEqualTo(name + " " + id);
    }

    @Then("the app now holds a new access token and a new refresh token")
    public void rotated() {
        assertThat(tokenStore.saved).as("the rotated pairs the component saved").hasSize(1);
        TokenPair pair = tokenStore.saved.get(0);
        assertThat(pair.accessToken()).isNotBlank().isNotEqualTo(firstAccessToken);
        assertThat(pair.refreshToken()).isNotBlank().isNotEqualTo(firstRefreshToken);
    }

    @Given("the app's access token has expired and the app has refreshed it")
    public void expiredAndRefreshed() {
        expire();
        routeCreates("Pied Piper");
        rotated();
        app.close();
    }

    @When("a second copy of the app, still holding the first tokens, calls COUNT")
    public void staleCopyCalls() {
        CountClient stale = connect(new InMemoryTokenStore(), firstAccessToken, firstRefreshToken);
        failure = catchFailure(() -> stale.call("customers", "list", null, null, Object.class));
    }

    @Given("a connection to COUNT whose client secret is wrong")
    public void wrongSecret() {
        app = CountClient.customised(configuration -> configuration.setClientSecret(CountTarget.clientSecret() + "-tampered"));
        opened.add(app);
    }

    @When("it lists the customers")
    public void listCustomers() {
        failure = catchFailure(() -> app.call("customers", "list", null, null, Object.class));
    }

    @Then("the call fails because the app must be authorised again")
    public void mustReauthorise() {
        assertThat(failure).isInstanceOf(CountAuthorizationException.class);
        CountApiException refusal = (CountApiException) failure;
        assertThat(refusal.getStatusCode()).isEqualTo(403);
        assertThat(refusal.getCode()).isEqualTo("invalid_refresh_token");
        assertThat(refusal.getMessage()).contains("Authorise the application again").doesNotContain(firstRefreshToken);
    }

    @Then("COUNT refuses the call because the signature does not match")
    public void badSignature() {
        assertThat(failure).isInstanceOf(CountAuthenticationException.class);
        CountApiException refusal = (CountApiException) failure;
        assertThat(refusal.getStatusCode()).isEqualTo(401);
        assertThat(refusal.getCode()).isEqualTo("invalid_signature");
        assertThat(refusal.getRequestId()).isNotBlank();
        assertThat(refusal.getMessage()).doesNotContain(CountTarget.clientSecret());
    }

    private static RuntimeException catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("The call should have failed, but COUNT answered it");
    }

    /** The component's token store for the app, remembering every pair the component saved. */
    private static final class SavedTokens implements TokenStore {

        private final InMemoryTokenStore store = new InMemoryTokenStore();
        private final List<TokenPair> saved = new CopyOnWriteArrayList<>();

        @Override
        public Optional<TokenPair> load(String key) {
            return store.load(key);
        }

        @Override
        public void save(String key, TokenPair pair) {
            saved.add(pair);
            store.save(key, pair);
        }
    }
}
