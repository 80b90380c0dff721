package io.camelcount.component;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelcount.component.auth.FileTokenStore;
import io.camelcount.component.auth.GrantedTokens;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.component.login.AuthorizationRequest;
import io.camelcount.component.login.CodeRejectedException;
import io.camelcount.component.login.ConsentDeniedException;
import io.camelcount.component.login.CountAuthorization;
import io.camelcount.component.login.CountCli;
import io.camelcount.component.login.LoginFailedException;
import io.camelcount.component.login.LoopbackCallback;
import io.camelcount.component.login.StateMismatchException;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A user's first tokens against the mock COUNT's consent page, end to end: the test plays the user's browser, follows
 * COUNT's consent page to its redirect and lands on the login's loopback callback. The token file it writes is then
 * the only thing a route needs besides the client's credentials.
 */
class LoginAgainstTheMockTest extends MockCountTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The user's browser: it goes where COUNT's answers send it, one hop at a time so the test sees each. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path folder;

    private Path tokenFile;
    private CountAuthorization authorization;
    private LoopbackCallback<GrantedTokens> callback;

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0));
    }

    @BeforeEach
    void login() throws IOException {
        mock.reset();
        tokenFile = folder.resolve("count-tokens.json");
        authorization = new CountAuthorization(mock.baseUrl(), "demo-client", "demo-secret",
                new FileTokenStore(tokenFile), mock.clock());
        callback = LoopbackCallback.open(0, authorization::complete);
    }

    @AfterEach
    void closeLogin() {
        callback.close();
        authorization.close();
    }

    /** Routes that name the token file and no tokens: the login's grant. */
    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.getConfiguration().setAccessToken(null);
        count.getConfiguration().setRefreshToken(null);
        count.getConfiguration().setTokenFile(folder.resolve("count-tokens.json").toString());
        return count;
    }

    @Test
    void theConsentBecomesATokenFileThatRoutesUseAndRotate() throws Exception {
        AuthorizationRequest request = authorization.start(callback.redirectUri());
        assertThat(request.consentUrl()).startsWith(mock.baseUrl() + "/auth2/consent?clientId=demo-client");

        HttpResponse<String> landing = consentAndFollow(request.consentUrl());
        GrantedTokens granted = callback.await(WAIT);

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("camel-count has the tokens");
        assertThat(granted.workspaceId()).isEqualTo(mock.demoWorkspace().uuid().toString());
        assertThat(granted.workspaceName()).isEqualTo(mock.demoWorkspace().name());
        TokenPair stored = new FileTokenStore(tokenFile).load(authorization.grantKey()).orElseThrow();
        assertThat(stored).isEqualTo(granted.tokens());
        assertThat(stored.accessTokenExpiresAt()).isNotNull();
        assertThat(authorization.grantKey()).isEqualTo("demo-client@" + mock.baseUrl() + "#login");

        Invoice draft = createDraft();
        assertThat(draft.getUuid()).isNotBlank();

        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
        assertThat(invoice("count:invoices?operation=get", null, draft.getUuid()).getUuid()).isEqualTo(draft.getUuid());
        TokenPair rotated = new FileTokenStore(tokenFile).load(authorization.grantKey()).orElseThrow();
        assertThat(rotated.refreshToken()).isNotEqualTo(stored.refreshToken());
    }

    @Test
    void aDeclinedConsentIsReportedToTheUserAndTheApplication() throws Exception {
        AuthorizationRequest request = authorization.start(callback.redirectUri());

        // What COUNT sends the browser to when the user declines (RFC 6749 §4.1.2.1).
        HttpResponse<String> landing = visit(callback.redirectUri() + "?error=access_denied&state=" + request.state());

        assertThat(landing.statusCode()).isEqualTo(400);
        assertThat(landing.body()).contains("declined");
        assertThatThrownBy(() -> callback.await(WAIT)).isInstanceOf(ConsentDeniedException.class)
                .hasMessageContaining("Start the login again and allow");
        assertThat(tokenFile).doesNotExist();
    }

    @Test
    void aRedirectWithAnotherStateIsRefusedAndItsCodeLeftUnused() throws Exception {
        AuthorizationRequest request = authorization.start(callback.redirectUri());
        String redirect = consentRedirect(request.consentUrl());
        String forged = redirect.replace("state=" + request.state(), "state=someone-elses-state");

        HttpResponse<String> landing = visit(forged);

        assertThat(landing.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> callback.await(WAIT)).isInstanceOf(StateMismatchException.class)
                .hasMessageContaining("not the answer to a login started here");
        assertThat(tokenFile).doesNotExist();
        // The code was not spent: whoever holds it could still exchange it, so the login must not have.
        assertThat(authorization.exchange(parameter(redirect, "code")).tokens().accessToken()).isNotBlank();
    }

    @Test
    void aUsedCodeAndAnAnsweredStateAreRefused() throws Exception {
        AuthorizationRequest request = authorization.start(callback.redirectUri());
        String redirect = consentRedirect(request.consentUrl());
        visit(redirect);
        callback.await(WAIT);

        assertThatThrownBy(() -> authorization.exchange(parameter(redirect, "code")))
                .isInstanceOf(CodeRejectedException.class)
                .hasMessageContaining("already used, has expired")
                .satisfies(e -> assertThat(((CodeRejectedException) e).getRefusal().getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> authorization.complete(Map.of("state", request.state(), "code", "any")))
                .isInstanceOf(StateMismatchException.class);
    }

    @Test
    void noRedirectWithinTheTimeoutEndsTheWait() {
        authorization.start(callback.redirectUri());

        assertThatThrownBy(() -> callback.await(Duration.ofMillis(50))).isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("No redirect from COUNT reached " + callback.redirectUri());
    }

    @Test
    void theLoginCommandGoesFromNothingToATokenFile() throws Exception {
        Path commandFile = folder.resolve("cli/tokens.json");
        StringWriter printed = new StringWriter();
        StringWriter errors = new StringWriter();
        ExecutorService terminal = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = terminal.submit(() -> CountCli.run(new PrintWriter(printed, true),
                    new PrintWriter(errors, true), "login", "--base-url", mock.baseUrl(), "--client-id", "demo-client",
                    "--client-secret", "demo-secret", "--token-file", commandFile.toString(), "--no-browser",
                    "--timeout", "30"));
            Pattern consentUrl = Pattern.compile("(http://\\S+/auth2/consent\\S+)");
            String url = await().atMost(WAIT).until(() -> find(consentUrl, printed.toString()), found -> found != null);

            assertThat(consentAndFollow(url).statusCode()).isEqualTo(200);
            assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exit code; errors: %s", errors).isZero();
        } finally {
            terminal.shutdownNow();
        }

        TokenPair written = new FileTokenStore(commandFile).load("demo-client@" + mock.baseUrl() + "#login").orElseThrow();
        assertThat(printed.toString()).contains(commandFile.toRealPath().toString())
                .contains(mock.demoWorkspace().name())
                .doesNotContain(written.accessToken()).doesNotContain(written.refreshToken()).doesNotContain("demo-secret");
    }

    @Test
    void theLoginCommandSaysWhatIsMissing() {
        StringWriter errors = new StringWriter();

        int exit = CountCli.run(new PrintWriter(new StringWriter()), new PrintWriter(errors, true), "login",
                "--base-url", mock.baseUrl(), "--client-id", "demo-client", "--client-secret", "");

        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString()).contains("Missing --client-secret (or the environment variable COUNT_CLIENT_SECRET)");
    }

    @Test
    void anEndpointWithoutTokensBeforeTheLoginSaysToRunIt() {
        Exchange listed = call("count:invoices?operation=list", null, null);

        assertThat(listed.getException()).isInstanceOf(CountException.class)
                .hasMessageContaining("login command");
    }

    /** The user allows access on the consent page, and the browser follows COUNT's redirect to the callback. */
    private static HttpResponse<String> consentAndFollow(String consentUrl) throws IOException, InterruptedException {
        return visit(consentRedirect(consentUrl));
    }

    /** Where the consent page sends the browser back: the redirect URI with code and state. */
    private static String consentRedirect(String consentUrl) throws IOException, InterruptedException {
        HttpResponse<String> consent = visit(consentUrl);
        assertThat(consent.statusCode()).as("consent page answer: %s", consent.body()).isEqualTo(302);
        return consent.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> visit(String url) throws IOException, InterruptedException {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String parameter(String url, String name) {
        return find(Pattern.compile("[?&]" + name + "=([^&]+)"), url);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
