package io.camelcount.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.camelcount.component.login.CountAuthorization;
import io.camelcount.component.login.LoginFailedException;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.testing.PlatformHttpServer;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login in an application's own routes, as count-component.adoc shows it: a platform-http route sends the user to
 * COUNT's consent page, the callback route exchanges the code through the {@link CountAuthorization} bean, and the
 * token file it writes is what the count: endpoints then use.
 */
class LoginInARouteTest extends MockCountTestSupport {

    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path folder;

    private int port;
    private CountAuthorization authorization;

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0));
    }

    @AfterEach
    void closeAuthorization() {
        authorization.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = PlatformHttpServer.addTo(context);
        authorization = CountAuthorization.withTokenFile(mock.baseUrl(), "demo-client", "demo-secret", tokenFile());
        context.getRegistry().bind("countAuthorization", authorization);
        return context;
    }

    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.getConfiguration().setAccessToken(null);
        count.getConfiguration().setRefreshToken(null);
        count.getConfiguration().setTokenFile(tokenFile());
        return count;
    }

    private static String tokenFile() {
        return folder.resolve("count-tokens.json").toString();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(LoginFailedException.class).handled(true)
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                        .setBody(simple("${exception.message}"));

                from("platform-http:/count/connect")
                        .setHeader("redirectUri", constant("http://localhost:" + port + "/count/callback"))
                        .bean("countAuthorization", "start(${header.redirectUri})")
                        .setHeader("Location", simple("${body.consentUrl}"))
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(302))
                        .setBody(constant(""));

                from("platform-http:/count/callback")
                        .bean("countAuthorization", "complete(${headers})")
                        .setBody(simple("Connected to ${body.workspaceName}"));
            }
        };
    }

    @Test
    void theApplicationsOwnCallbackConnectsItsRoutes() throws Exception {
        HttpResponse<String> connect = visit("http://localhost:" + port + "/count/connect");
        assertThat(connect.statusCode()).isEqualTo(302);
        HttpResponse<String> consent = visit(connect.headers().firstValue("Location").orElseThrow());
        assertThat(consent.statusCode()).isEqualTo(302);
        String redirect = consent.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> connected = visit(redirect);

        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(connected.body()).isEqualTo("Connected to " + mock.demoWorkspace().name());
        Invoice draft = createDraft();
        assertThat(draft.getUuid()).isNotBlank();

        HttpResponse<String> replayed = visit(redirect);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("not the answer to a login started here");
    }

    private static HttpResponse<String> visit(String url) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
