package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §1.2: the authorization code flow, rotation of refresh tokens and expiry of access tokens. */
class OAuthTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CALLBACK = "https://crm.example/count/callback";
    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-000000000002");

    private final MockClock clock = MockClock.fixed(NOW);
    private CountMockServer server;
    private PartnerClient demo;
    private AdminClient browser;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(clock)
                .partnerApp("other-client", "other-secret")
                .workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                        .customer(new Customer(UUID.randomUUID(), "Initech", "ap@initech.example"))
                        .accessGrant("other-client", "other-access-token", "other-refresh-token")
                        .build())
                .start();
        demo = new PartnerClient(server);
        browser = new AdminClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** What the partner's callback receives after the user went through the consent page. */
    private Map<String, String> authorise(String clientId, String state) {
        Reply initiated = browser.get("/auth2/authorize-intiate?clientId=" + clientId + "&redirectUri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + (state == null ? "" : "&state=" + state));
        assertThat(initiated.status()).as(initiated.text()).isEqualTo(200);
        Reply consent = browser.fetch(initiated.dataText("redirectUri"));
        assertThat(consent.status()).isEqualTo(302);
        String location = consent.header("Location");
        assertThat(location).startsWith(CALLBACK + "?code=");
        return query(URI.create(location));
    }

    private String authorisationCode() {
        return authorise(DemoWorkspace.CLIENT_ID, "s1").get("code");
    }

    private Reply grant(PartnerClient client, String body) {
        return client.call("POST", "/partners/grant-access-token").body(body).token(null).send();
    }

    private Reply refresh(PartnerClient client, String refreshToken) {
        return client.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + refreshToken + "\"}").token(null).send();
    }

    private static JsonNode result(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("success");
        return reply.data().get("result");
    }

    private PartnerClient demoWith(String accessToken) {
        return new PartnerClient(server.baseUrl(), clock, DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET, accessToken);
    }

    private static void assertTokenExpired(Reply reply) {
        reply.assertErrorEnvelope(401);
        JsonNode body = reply.json();
        assertThat(body.get("errorCode").asText()).isEqualTo("token_expired");
        assertThat(body.get("error").asText()).isEqualTo("invalid_token");
        assertThat(body.get("error_description").asText()).isEqualTo("The access token expired");
        assertThat(body.get("message").asText()).isEqualTo("The access token expired");
        assertThat(body.get("requestId").asText()).isEqualTo(reply.requestId()).isNotBlank();
    }

    private static void assertInvalidRefreshToken(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("invalid_refresh_token");
        assertThat(reply.message()).startsWith("Invalid refresh token").contains("authorise the app again");
    }

    @Test
    void initiateConsentGrantRefreshRotateAndExpire() {
        Map<String, String> callback = authorise(DemoWorkspace.CLIENT_ID, "opaque-123");
        assertThat(callback).containsEntry("state", "opaque-123").containsKey("code");

        JsonNode granted = result(grant(demo, "{\"grantType\":\"authorization_code\",\"code\":\"" + callback.get("code") + "\"}"));
        assertThat(granted.get("accessTokenExpiresAt").asText()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(granted.get("refreshTokenExpiresAt").asText()).isEqualTo("2026-12-24T10:00:00Z");
        assertThat(granted.get("workspaceId").asText()).isEqualTo(DemoWorkspace.WORKSPACE_UUID.toString());
        assertThat(granted.get("workspaceName").asText()).isEqualTo(DemoWorkspace.WORKSPACE_NAME);
        PartnerClient first = demoWith(granted.get("accessToken").asText());
        assertThat(first.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(30));
        JsonNode rotated = result(refresh(demo, granted.get("refreshToken").asText()));
        assertThat(rotated.get("accessToken").asText()).isNotEqualTo(granted.get("accessToken").asText());
        assertThat(rotated.get("refreshToken").asText()).isNotEqualTo(granted.get("refreshToken").asText());
        assertThat(rotated.get("accessTokenExpiresAt").asText()).isEqualTo("2026-11-24T11:30:00Z");
        assertInvalidRefreshToken(refresh(demo, granted.get("refreshToken").asText()));

        PartnerClient second = demoWith(rotated.get("accessToken").asText());
        assertThat(second.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        assertThat(first.post("/partners/invoices", Bodies.invoice()).status())
                .as("the old access token works until it expires").isEqualTo(201);

        clock.advance(Duration.ofMinutes(30));
        assertTokenExpired(first.post("/partners/invoices", Bodies.invoice()));
        assertThat(second.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(30));
        assertTokenExpired(second.post("/partners/invoices", Bodies.invoice()));
        JsonNode again = result(refresh(demo, rotated.get("refreshToken").asText()));
        assertThat(demoWith(again.get("accessToken").asText()).post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        assertThat(server.demoWorkspace().invoices()).hasSize(5);
    }

    @Test
    void theCorrectlySpeltStartRouteAnswersToo() {
        Reply initiated = browser.get("/auth2/authorize-initiate?clientId=demo-client&redirectUri=" + CALLBACK);

        assertThat(initiated.status()).isEqualTo(200);
        assertThat(initiated.dataText("redirectUri")).startsWith(server.baseUrl() + "/auth2/consent?");
    }

    @Test
    void withoutStateTheCallbackCarriesOnlyTheCode() {
        assertThat(authorise(DemoWorkspace.CLIENT_ID, null)).containsOnlyKeys("code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://crm.example/callback?tenant=7", "https://crm.example/callback#top", "crm.example/callback",
            "ftp://crm.example/callback", "not a uri"})
    void redirectUrisWithQueryOrNotHttpAreRefused(String redirectUri) {
        Reply reply = browser.get("/auth2/authorize-intiate?clientId=demo-client&redirectUri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
        assertThat(reply.message()).contains("redirectUri");
    }

    @Test
    void startNeedsAKnownClientAndARedirectUri() {
        Reply noClient = browser.get("/auth2/authorize-intiate?redirectUri=" + CALLBACK);
        Reply unknownClient = browser.get("/auth2/authorize-intiate?clientId=nobody&redirectUri=" + CALLBACK);
        Reply noRedirect = browser.get("/auth2/authorize-intiate?clientId=demo-client");

        assertThat(noClient.message()).contains("clientId");
        assertThat(unknownClient.message()).contains("clientId");
        assertThat(unknownClient.message()).contains("nobody");
        assertThat(noRedirect.message()).contains("redirectUri");
        assertThat(browser.get("/auth2/consent?clientId=nobody&redirectUri=" + CALLBACK).status()).isEqualTo(400);
    }

    @Test
    void aBrowserSeesTheConsentPageWithWhatThePartnerSentEscaped() {
        String consentPage = browser.get("/auth2/authorize-intiate?clientId=demo-client&redirectUri=" + CALLBACK
                + "&state=" + URLEncoder.encode("<b>\"x\"</b>", StandardCharsets.UTF_8)).dataText("redirectUri");

        HttpResponse<String> page = new Browser().get(consentPage);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<strong id=\"workspace\">" + DemoWorkspace.WORKSPACE_NAME + "</strong>",
                        "<form id=\"consent\" method=\"post\" action=\"/auth2/consent\">",
                        "name=\"redirectUri\" value=\"" + CALLBACK + "\"", "name=\"state\" value=\"&lt;b&gt;&quot;x&quot;&lt;/b&gt;\"",
                        "value=\"approve\"", "value=\"deny\"")
                .doesNotContain("<b>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&decision=", "&decision=maybe", "&decision=APPROVE"})
    void theConsentPageTakesOnlyApproveOrDeny(String decision) {
        HttpResponse<String> reply = new Browser().post(server.baseUrl() + "/auth2/consent",
                "clientId=demo-client&redirectUri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + decision);

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("validation_failed", "decision");
    }

    @Test
    void denyingOnTheConsentPageChecksTheClientAndRedirectUriFirst() {
        Browser user = new Browser();
        String form = "&redirectUri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&decision=deny";

        assertThat(user.post(server.baseUrl() + "/auth2/consent", "clientId=nobody" + form).statusCode()).isEqualTo(400);
        assertThat(user.post(server.baseUrl() + "/auth2/consent", "clientId=demo-client&redirectUri=ftp%3A%2F%2Fx&decision=deny")
                .statusCode()).isEqualTo(400);
        assertThat(user.post(server.baseUrl() + "/auth2/consent", "clientId=demo-client" + form).headers().firstValue("Location"))
                .hasValue(CALLBACK + "?error=access_denied&error_description=The+user+denied+the+app+access+to+the+workspace");
    }

    @Test
    void aCodeWorksOnceOnlyAndOnlyForItsClient() {
        String code = authorisationCode();
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, "other-client", "other-secret", null);
        String body = "{\"grantType\":\"authorization_code\",\"code\":\"" + code + "\"}";

        Reply stolen = grant(other, body);
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.code()).isEqualTo("invalid_grant");
        assertThat(stolen.message()).doesNotContain(code);

        String fresh = authorisationCode();
        String freshBody = "{\"grantType\":\"authorization_code\",\"code\":\"" + fresh + "\"}";
        result(grant(demo, freshBody));
        assertThat(grant(demo, freshBody).code()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String early = authorisationCode();
        String late = authorisationCode();
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        result(grant(demo, "{\"grantType\":\"authorization_code\",\"code\":\"" + early + "\"}"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(grant(demo, "{\"grantType\":\"authorization_code\",\"code\":\"" + late + "\"}").code()).isEqualTo("invalid_grant");
    }

    @Test
    void snakeCaseBodiesAreAcceptedOnBothTokenRoutes() {
        Reply granted = grant(demo, "{\"grant_type\":\"authorization_code\",\"code\":\"" + authorisationCode()
                + "\",\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\"}");
        String refreshToken = result(granted).get("refreshToken").asText();

        Reply refreshed = demo.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken
                        + "\",\"client_id\":\"demo-client\",\"client_secret\":\"demo-secret\"}")
                .token(null).send();

        assertThat(result(refreshed).get("workspaceId").asText()).isEqualTo(DemoWorkspace.WORKSPACE_UUID.toString());
    }

    @Test
    void bodyCredentialsMustAgreeWithTheSignatureAndAreNeverEchoed() {
        Reply wrongSecret = grant(demo, "{\"grant_type\":\"authorization_code\",\"code\":\"" + authorisationCode()
                + "\",\"client_secret\":\"guessed-secret\"}");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.code()).isEqualTo("invalid_client");
        assertThat(wrongSecret.text()).doesNotContain("guessed-secret", DemoWorkspace.CLIENT_SECRET);

        Reply otherClient = grant(demo, "{\"grantType\":\"authorization_code\",\"code\":\"x\",\"clientId\":\"other-client\"}");
        assertThat(otherClient.status()).isEqualTo(400);
        assertThat(otherClient.message()).contains("client_id");

        Reply disagreeing = grant(demo, "{\"grantType\":\"authorization_code\",\"grant_type\":\"refresh_token\",\"code\":\"x\"}");
        assertThat(disagreeing.message()).contains("grantType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"code\":\"x\"}", "{\"grantType\":\"refresh_token\",\"code\":\"x\"}",
            "{\"grantType\":\"authorization_code\"}", "{\"grantType\":\"authorization_code\",\"code\":42}"})
    void malformedGrantBodiesAreValidationErrors(String body) {
        Reply reply = demo.call("POST", "/partners/grant-access-token").body(body.isEmpty() ? null : body).token(null).send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
    }

    @Test
    void theDemoRefreshTokenRotatesLikeAnyOther() {
        JsonNode rotated = result(refresh(demo, DemoWorkspace.REFRESH_TOKEN));

        assertInvalidRefreshToken(refresh(demo, DemoWorkspace.REFRESH_TOKEN));
        assertThat(rotated.get("workspaceName").asText()).isEqualTo(DemoWorkspace.WORKSPACE_NAME);
        assertThat(demo.post("/partners/invoices", Bodies.invoice()).status())
                .as("the seeded access token works for one more access-token lifetime").isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        assertTokenExpired(demo.post("/partners/invoices", Bodies.invoice()));
    }

    @Test
    void seededTokensDoNotExpireUntilRotated() {
        clock.advance(Duration.ofDays(400));

        assertThat(demo.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        result(refresh(demo, DemoWorkspace.REFRESH_TOKEN));
    }

    @Test
    void anIssuedRefreshTokenExpiresAfterItsLifetime() {
        String refreshToken = result(refresh(demo, DemoWorkspace.REFRESH_TOKEN)).get("refreshToken").asText();

        clock.advance(Duration.ofDays(30));

        assertInvalidRefreshToken(refresh(demo, refreshToken));
    }

    @Test
    void aRefreshTokenBelongsToItsClient() {
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, "other-client", "other-secret", null);

        assertInvalidRefreshToken(refresh(other, DemoWorkspace.REFRESH_TOKEN));
        result(refresh(demo, DemoWorkspace.REFRESH_TOKEN));
    }

    @Test
    void theConsentPageGrantsTheWorkspaceTheClientWasSeededWith() {
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, "other-client", "other-secret", null);
        String code = authorise("other-client", "x").get("code");

        JsonNode granted = result(grant(other, "{\"grantType\":\"authorization_code\",\"code\":\"" + code + "\"}"));

        assertThat(granted.get("workspaceId").asText()).isEqualTo(OTHER_WORKSPACE.toString());
        assertThat(granted.get("workspaceName").asText()).isEqualTo("Other Ltd");
    }

    @Test
    void tokenLifetimesAreConfigurable() {
        server.stop();
        server = CountMockServer.builder().port(0).clock(clock)
                .accessTokenLifetime(Duration.ofMinutes(5)).refreshTokenLifetime(Duration.ofHours(2)).start();
        demo = new PartnerClient(server);

        JsonNode rotated = result(refresh(demo, DemoWorkspace.REFRESH_TOKEN));
        assertThat(rotated.get("accessTokenExpiresAt").asText()).isEqualTo("2026-11-24T10:05:00Z");
        assertThat(rotated.get("refreshTokenExpiresAt").asText()).isEqualTo("2026-11-24T12:00:00Z");

        PartnerClient rotatedClient = demoWith(rotated.get("accessToken").asText());
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(rotatedClient.post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        assertTokenExpired(rotatedClient.post("/partners/invoices", Bodies.invoice()));
    }

    @Test
    void theTokenRoutesAnswerOnlyPost() {
        assertThat(demo.call("GET", "/partners/grant-access-token").token(null).send().status()).isEqualTo(404);
        assertThat(demo.get("/partners/refresh-user-access-token").status()).isEqualTo(404);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
