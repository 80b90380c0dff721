package io.camelcount.component;

import java.util.List;
import java.util.Map;

import io.camelcount.component.auth.GrantKey;
import io.camelcount.component.auth.InMemoryTokenStore;
import io.camelcount.component.auth.TokenPair;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer console {@code count}, found as Camel finds consoles (the generated service file), in text and JSON:
 * the connection's grant state, limiter, calls, refreshes and COUNT's request IDs, and never a token.
 */
class CountDevConsoleTest extends MockCountTestSupport {

    private final InMemoryTokenStore tokens = new InMemoryTokenStore();

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0));
    }

    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.getConfiguration().setTokenStore(tokens);
        return count;
    }

    @Test
    void showsTheConnectionInTextAndJsonWithoutATokenNorMakingARequest() {
        mock.reset();
        String uuid = createDraft().getUuid();
        admin("POST", "/tokens/expire", "{\"clientId\":\"demo-client\"}");
        assertThat(call("count:invoices?operation=get", null, uuid).getException()).as("after a refresh").isNull();
        String key = mock.baseUrl().toLowerCase() + "#demo-client";
        String lastRequestId = journal().get(0).path("response").path("headers").path("X-Request-Id").asText();
        int requests = journal().size();

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("count");
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());

        assertThat(console).isInstanceOf(CountDevConsole.class);
        assertThat(journal().size()).as("requests the console sent to COUNT").isEqualTo(requests);
        assertThat(text).contains("Connection: " + key, ": VALID, access token expires 20", "Token refreshes: 1,",
                "Calls: 2, failed 0, retries 0, 429s 0", "invoices/get 200 request ID " + lastRequestId);
        JsonObject connection = connectionIn(json, key);
        assertThat(connection.getLong("refreshes")).isEqualTo(1);
        assertThat(connection.getLong("calls")).isEqualTo(2);
        assertThat(((JsonObject) connection.getCollection("grants").iterator().next()).getString("state"))
                .isEqualTo("VALID");
        List<?> recent = List.copyOf(connection.getCollection("recentAnswers"));
        assertThat(((JsonObject) recent.get(recent.size() - 1)).getString("requestId")).isEqualTo(lastRequestId);

        TokenPair current = tokens.load(GrantKey.of("demo-client", mock.baseUrl(),
                CountEndpoint.fingerprint("demo-refresh-token"))).orElseThrow();
        assertThat(List.of(text, json.toJson())).allSatisfy(shown -> assertThat(shown).doesNotContain(
                current.accessToken(), current.refreshToken(), "demo-access-token", "demo-refresh-token", "demo-secret"));
    }

    private static JsonObject connectionIn(JsonObject json, String key) {
        return json.getCollection("connections").stream().map(JsonObject.class::cast)
                .filter(connection -> key.equals(connection.getString("connection"))).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + key + " in " + json.toJson()));
    }

}
