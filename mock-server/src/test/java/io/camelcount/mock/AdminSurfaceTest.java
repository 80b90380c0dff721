package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 7: the mock on a shared machine. It listens on loopback unless told otherwise, opens beyond it
 * only with an admin token that then guards every admin route (WireMock's and the mock's own), stops by signal or
 * with that token only, and keeps no credential in its request journal or state dump.
 * <p>
 * Binding beyond loopback is tested with 0.0.0.0 and reached through 127.0.0.2: on Linux the whole of
 * 127.0.0.0/8 is loopback, and a socket on 127.0.0.1 alone does not answer there, one on 0.0.0.0 does. Nothing
 * is sent beyond this machine.
 */
class AdminSurfaceTest {

    private static final String TOKEN = "test-admin-token-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<CountMockServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(CountMockServer::stop);
    }

    private CountMockServer start(CountMockServer.Builder builder) {
        CountMockServer server = builder.port(0).clock(MockClock.fixed(NOW)).start();
        servers.add(server);
        return server;
    }

    private Reply send(String method, String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .method(method, method.equals("POST") || method.equals("PUT")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Reply.of(response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers(String host, int port) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/__admin/count/clock"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class WhereItListens {

        @Test
        void onLoopbackByDefault() {
            CountMockServer server = start(CountMockServer.builder());

            assertThat(server.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(server.baseUrl()).isEqualTo("http://localhost:" + server.port());
            assertThat(answers("127.0.0.1", server.port())).isTrue();
            assertThat(answers("127.0.0.2", server.port())).as("another address than 127.0.0.1").isFalse();
        }

        @Test
        void bindOpensItWithAnAdminToken() {
            CountMockServer server = start(CountMockServer.builder().bindAddress("0.0.0.0").adminToken(TOKEN));

            assertThat(server.bindAddress().isAnyLocalAddress()).isTrue();
            assertThat(answers("127.0.0.2", server.port())).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.0.0.0", "::"})
        void beyondLoopbackWithoutAnAdminTokenItRefusesToStart(String address) {
            assertThatThrownBy(() -> start(CountMockServer.builder().bindAddress(address)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Listening on " + address + " opens the mock beyond this machine")
                    .hasMessageContaining("--admin-token or COUNT_MOCK_ADMIN_TOKEN");
        }

        @Test
        void anAddressThatIsNotThisMachinesIsNamed() {
            assertThatThrownBy(() -> start(CountMockServer.builder().bindAddress("no-such-host.invalid").adminToken(TOKEN)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Cannot listen on no-such-host.invalid");
        }

        @Test
        void aWeakAdminTokenIsRefused() {
            assertThatThrownBy(() -> CountMockServer.builder().adminToken("secret"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 16 characters");
            assertThatThrownBy(() -> CountMockServer.builder().adminToken("has a space in it, long enough"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only letters, digits");
        }
    }

    /** Bound to 0.0.0.0 with a token, called on 127.0.0.1. */
    @Nested
    class WithAnAdminToken {

        private final CountMockServer server = start(CountMockServer.builder().bindAddress("0.0.0.0").adminToken(TOKEN).requestJournal(1000));

        private String url(String path) {
            return "http://127.0.0.1:" + server.port() + path;
        }

        @ParameterizedTest
        @CsvSource({
                "GET, /__admin/requests", "GET, /__admin/mappings", "POST, /__admin/mappings", "POST, /__admin/reset",
                "GET, /__admin/settings", "GET, /__admin/files", "POST, /__admin/recordings/start",
                "GET, /__admin/count/state", "POST, /__admin/count/reset", "POST, /__admin/count/faults",
                "GET, /__admin/count/webhooks", "GET, /__admin/count/webhooks/deliveries",
                "POST, /__admin/count/webhooks/deliveries/await", "POST, /__admin/count/webhooks/faults",
                "GET, /__admin/count/nothing-here", "GET, /__admin/no-such-route", "POST, /__admin/shutdown"})
        void everyAdminRouteNeedsIt(String method, String path) {
            assertThat(send(method, url(path), null).assertErrorEnvelope(401).code()).isEqualTo("admin_token_required");
            for (String wrong : List.of("Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Bearer", "Basic "
                    + TOKEN, "Bearer " + TOKEN.toUpperCase(), TOKEN)) {
                Reply refused = send(method, url(path), wrong).assertErrorEnvelope(401);
                assertThat(refused.code()).as(wrong).isEqualTo("invalid_admin_token");
                assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"count-mock-admin\"");
            }
            assertThat(server.clock().instant()).isEqualTo(NOW);
            assertThat(answers("127.0.0.1", server.port())).as("still running").isTrue();
        }

        @Test
        void withItTheAdminApiWorks() {
            assertThat(send("GET", url("/__admin/count/state"), "Bearer " + TOKEN).status()).isEqualTo(200);
            assertThat(send("GET", url("/__admin/count/clock"), "bearer " + TOKEN).status()).as("the scheme in any case")
                    .isEqualTo(200);
            assertThat(send("GET", url("/__admin/requests"), "Bearer " + TOKEN).status()).isEqualTo(200);
            assertThat(send("GET", url("/__admin/mappings"), "Token " + TOKEN).status())
                    .as("WireMock's own client sends Authorization: Token").isEqualTo(200);
        }

        @Test
        void withItShutdownStopsTheMock() {
            assertThat(send("POST", url("/__admin/shutdown"), "Bearer " + TOKEN).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> !answers("127.0.0.1", server.port()));
        }

        @Test
        void thePartnerApiNeedsNoAdminToken() {
            Reply invoices = new PartnerClient(server).get("/partners/invoices");
            assertThat(invoices.status()).as(invoices.text()).isEqualTo(200);
        }
    }

    @Nested
    class OnLoopbackWithoutAToken {

        private final CountMockServer server = start(CountMockServer.builder());

        @Test
        void theAdminApiIsOpenAsBefore() {
            assertThat(send("GET", server.adminUrl() + "/state", null).status()).isEqualTo(200);
            assertThat(send("GET", server.baseUrl() + "/__admin/mappings", null).status()).isEqualTo(200);
        }

        /** However WireMock's router is reached; spellings it does not route to shutdown get its 404. */
        @ParameterizedTest
        @ValueSource(strings = {"/__admin/shutdown", "/__admin/shutdown?now=1", "/__admin/shutdown/", "/__admin//shutdown",
                "/__admin/SHUTDOWN", "/__admin/shut%64own", "/__admin/shut__admindown", "/__admin/__admin/shutdown",
                "/__admin/shutdown#x"})
        void shutdownIsRefused(String path) {
            Reply refused = send("POST", server.baseUrl() + path, null);

            assertThat(refused.status()).as(refused.text()).isIn(403, 404);
            if (refused.status() == 403) {
                refused.assertErrorEnvelope(403);
                assertThat(refused.code()).isEqualTo("shutdown_disabled");
                assertThat(refused.message()).contains("signal", "--admin-token");
            }
            assertThat(answers("127.0.0.1", server.port())).as("still running").isTrue();
        }

        @Test
        void theExactRouteIsRefusedInCountsEnvelope() {
            Reply refused = send("POST", server.baseUrl() + "/__admin/shutdown", null).assertErrorEnvelope(403);
            assertThat(refused.code()).isEqualTo("shutdown_disabled");
        }
    }

    /** After an OAuth grant and refreshes and a few API calls, neither view shows a credential. */
    @Nested
    class NoCredentialInTheJournalOrTheStateDump {

        private static final String CALLBACK = "https://crm.example/count/callback";

        private final CountMockServer server = start(CountMockServer.builder().requestJournal(1000));
        private final PartnerClient demo = new PartnerClient(server);
        private final List<String> credentials = new ArrayList<>(List.of(DemoWorkspace.CLIENT_SECRET,
                DemoWorkspace.ACCESS_TOKEN, DemoWorkspace.REFRESH_TOKEN));

        private void use() {
            Reply initiated = send("GET", server.baseUrl() + "/auth2/authorize-intiate?clientId=" + DemoWorkspace.CLIENT_ID
                    + "&redirectUri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&state=s1", null);
            Reply consent = send("GET", initiated.dataText("redirectUri"), null);
            String code = consent.header("Location").replaceFirst("^.*[?&]code=([^&]+).*$", "$1");
            credentials.add(code);

            PartnerClient.Call grant = demo.call("POST", "/partners/grant-access-token").token(null)
                    .body("{\"grantType\":\"authorization_code\",\"code\":\"" + code + "\",\"clientId\":\""
                            + DemoWorkspace.CLIENT_ID + "\",\"clientSecret\":\"" + DemoWorkspace.CLIENT_SECRET + "\"}");
            credentials.add(grant.computedSignature());
            JsonNode granted = grant.send().data().get("result");
            credentials.add(granted.get("accessToken").asText());
            credentials.add(granted.get("refreshToken").asText());

            PartnerClient.Call refresh = demo.call("POST", "/partners/refresh-user-access-token").token(null)
                    .body("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + DemoWorkspace.REFRESH_TOKEN
                            + "\",\"client_id\":\"" + DemoWorkspace.CLIENT_ID + "\",\"client_secret\":\""
                            + DemoWorkspace.CLIENT_SECRET + "\"}");
            credentials.add(refresh.computedSignature());
            JsonNode refreshed = refresh.send().data().get("result");
            credentials.add(refreshed.get("accessToken").asText());
            credentials.add(refreshed.get("refreshToken").asText());

            PartnerClient rotated = new PartnerClient(server.baseUrl(), server.clock(), DemoWorkspace.CLIENT_ID,
                    DemoWorkspace.CLIENT_SECRET, refreshed.get("accessToken").asText());
            for (String path : List.of("/partners/invoices", "/partners/customers", "/partners/invoices?page=2")) {
                PartnerClient.Call call = rotated.call("GET", path);
                credentials.add(call.computedSignature());
                assertThat(call.send().status()).isEqualTo(200);
            }
            String signingSecret = "webhook-signing-secret-1";
            PartnerClient.Call subscribe = rotated.call("POST", "/partners/webhooks").body("{\"event\":\"invoice.created\","
                    + "\"callbackUrl\":\"https://hooks.example/count\",\"signingSecret\":\"" + signingSecret + "\"}");
            credentials.add(subscribe.computedSignature());
            credentials.add(signingSecret);
            assertThat(subscribe.send().status()).isEqualTo(201);
            // A refused call, and a body that is not JSON: both are journalled too.
            assertThat(rotated.call("GET", "/partners/invoices").token("not-the-token-but-secret-like").send().status())
                    .isEqualTo(401);
            credentials.add("not-the-token-but-secret-like");
            demo.call("POST", "/partners/refresh-user-access-token").token(null).body("refresh_token=form-refresh-token-1&a=b")
                    .send();
            credentials.add("form-refresh-token-1");
        }

        @Test
        void theJournalShowsEveryRequestButNoCredential() {
            use();

            Reply journal = send("GET", server.baseUrl() + "/__admin/requests", null);

            assertThat(journal.status()).isEqualTo(200);
            assertThat(journal.json().get("requests").size()).as("every request is still journalled").isEqualTo(10);
            assertThat(credentials).allSatisfy(credential -> assertThat(journal.text()).doesNotContain(credential));
            List<String> authorizations = new ArrayList<>();
            List<String> signatures = new ArrayList<>();
            journal.json().get("requests").forEach(event -> {
                JsonNode headers = event.get("request").get("headers");
                if (headers.has("Authorization")) {
                    authorizations.add(headers.get("Authorization").asText());
                }
                if (headers.has("x-signature")) {
                    signatures.add(headers.get("x-signature").asText());
                }
            });
            assertThat(authorizations).hasSize(5).containsOnly("Bearer [redacted]");
            assertThat(signatures).hasSize(8).containsOnly("[redacted]");
            assertThat(journal.text()).contains("\\\"refresh_token\\\":\\\"[redacted]\\\"", "refresh_token=[redacted]&a=b",
                    "\\\"signingSecret\\\":\\\"[redacted]\\\"");
        }

        @Test
        void wireMocksVerificationStillFindsTheRequests() {
            use();

            Reply found = send("POST", server.baseUrl() + "/__admin/requests/count", null);
            assertThat(found.status()).isEqualTo(200);
            HttpRequest find = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/requests/find"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"POST\",\"urlPath\":\"/partners/refresh-user-access-token\"}"))
                    .build();
            String text;
            try {
                text = http.send(find, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(text).contains("refresh-user-access-token");
            assertThat(credentials).allSatisfy(credential -> assertThat(text).doesNotContain(credential));
        }

        @Test
        void theStateDumpShowsNoCredential() {
            use();

            for (String path : List.of("/state", "/outbox", "/clock", "/faults", "/variants", "/webhooks",
                    "/webhooks/deliveries", "/webhooks/faults")) {
                Reply view = send("GET", server.adminUrl() + path, null);
                assertThat(view.status()).isEqualTo(200);
                assertThat(credentials).allSatisfy(credential -> assertThat(view.text()).as(path).doesNotContain(credential));
            }
            Reply reset = send("POST", server.adminUrl() + "/reset", null);
            assertThat(credentials).allSatisfy(credential -> assertThat(reset.text()).doesNotContain(credential));
        }

        @Test
        void whatASeedBringsIsNotShownEither() {
            HttpRequest seed = HttpRequest.newBuilder(URI.create(server.adminUrl() + "/seed"))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"partnerApps": [{"clientId": "crm", "clientSecret": "seeded-crm-secret"}],
                             "workspaces": [{"uuid": "7e57a11a-0000-4000-8000-0000000000a1", "name": "Initech",
                                             "accessGrants": [{"clientId": "crm", "accessToken": "seeded-access",
                                                               "refreshToken": "seeded-refresh"}]}]}"""))
                    .build();
            String seeded;
            try {
                seeded = http.send(seed, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            String state = send("GET", server.adminUrl() + "/state", null).text();

            assertThat(seeded).contains("Initech");
            assertThat(state).contains("Initech", "crm");
            for (String secret : List.of("seeded-crm-secret", "seeded-access", "seeded-refresh")) {
                assertThat(seeded).doesNotContain(secret);
                assertThat(state).doesNotContain(secret);
            }
        }
    }
}
