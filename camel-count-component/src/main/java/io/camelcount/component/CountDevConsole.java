package io.camelcount.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelcount.component.auth.TokenState;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * Camel's developer console {@code count}: per connection held in this JVM (a client ID at a COUNT, whichever Camel
 * context holds it, since they share it), its grants' token states and expiry instants, the rate limiter's use and
 * waits, and what the calls did (retries, 429s, refreshes, COUNT's last request IDs). All read from
 * {@link ConnectionActivity} and the token managers: the console never calls COUNT, and never shows a token (a grant
 * is named by a fingerprint of its refresh token).
 */
@DevConsole(name = "count", displayName = "COUNT", description = "COUNT connections: tokens, rate limit, calls")
public class CountDevConsole extends AbstractDevConsole {

    public CountDevConsole() {
        super("camel", "count", "COUNT", "COUNT connections: tokens, rate limit, calls");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        List<CountConnections.Observed> connections = CountConnections.JVM.observe();
        if (connections.isEmpty()) {
            text.append("No COUNT connection is held (no count: producer or consumer is started).\n");
        }
        for (CountConnections.Observed connection : connections) {
            ConnectionActivity activity = connection.activity();
            text.append("Connection: ").append(connection.key()).append('\n');
            connection.grants().forEach((name, tokens) -> text.append("    Grant ").append(name).append(": ")
                    .append(tokens.status()).append(", access token expires ").append(known(tokens.accessTokenExpiresAt()))
                    .append(", refresh due ").append(known(tokens.refreshDueAt()))
                    .append(", refresh token expires ").append(known(tokens.refreshTokenExpiresAt())).append('\n'));
            if (connection.grants().isEmpty()) {
                text.append("    No grant: a fixed access token, not renewed\n");
            }
            text.append("    Rate limit: ").append(connection.limiter().describe()).append(", in use ")
                    .append(connection.limiter().inUse()).append('\n');
            text.append("    Permits: ").append(activity.permits()).append(", waited ").append(activity.waitedPermits())
                    .append(" (total ").append(millis(activity.waited())).append(", longest ")
                    .append(millis(activity.longestWait())).append(")\n");
            text.append("    Calls: ").append(activity.calls()).append(", failed ").append(activity.failedCalls())
                    .append(", retries ").append(activity.retries()).append(", 429s ").append(activity.rateLimited())
                    .append('\n');
            text.append("    Token refreshes: ").append(activity.refreshes()).append(", failed ")
                    .append(activity.failedRefreshes()).append(", last ").append(known(activity.lastRefresh()))
                    .append('\n');
            text.append("    Recent answers:\n");
            for (ConnectionActivity.Answer answer : activity.recentAnswers()) {
                text.append("        ").append(answer.at()).append(' ').append(answer.operation()).append(' ')
                        .append(answer.status()).append(" request ID ").append(known(answer.requestId())).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray list = new JsonArray();
        for (CountConnections.Observed connection : CountConnections.JVM.observe()) {
            ConnectionActivity activity = connection.activity();
            JsonObject json = new JsonObject();
            json.put("connection", connection.key());
            JsonArray grants = new JsonArray();
            connection.grants().forEach((name, tokens) -> grants.add(grant(name, tokens)));
            json.put("grants", grants);
            JsonObject limiter = new JsonObject();
            limiter.put("limit", connection.limiter().limit());
            limiter.put("windowMillis", connection.limiter().window().toMillis());
            limiter.put("inUse", connection.limiter().inUse());
            limiter.put("permits", activity.permits());
            limiter.put("waitedPermits", activity.waitedPermits());
            limiter.put("waitedMillis", activity.waited().toMillis());
            limiter.put("longestWaitMillis", activity.longestWait().toMillis());
            json.put("limiter", limiter);
            json.put("calls", activity.calls());
            json.put("failedCalls", activity.failedCalls());
            json.put("retries", activity.retries());
            json.put("rateLimited", activity.rateLimited());
            json.put("refreshes", activity.refreshes());
            json.put("failedRefreshes", activity.failedRefreshes());
            putInstant(json, "lastRefresh", activity.lastRefresh());
            JsonArray recent = new JsonArray();
            for (ConnectionActivity.Answer answer : activity.recentAnswers()) {
                JsonObject entry = new JsonObject();
                entry.put("at", answer.at().toString());
                entry.put("operation", answer.operation());
                entry.put("status", answer.status());
                entry.put("requestId", answer.requestId());
                recent.add(entry);
            }
            json.put("recentAnswers", recent);
            list.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("connections", list);
        return root;
    }

    private static JsonObject grant(String name, TokenState tokens) {
        JsonObject grant = new JsonObject();
        grant.put("grant", name);
        grant.put("state", tokens.status().name());
        putInstant(grant, "accessTokenExpiresAt", tokens.accessTokenExpiresAt());
        putInstant(grant, "refreshDueAt", tokens.refreshDueAt());
        putInstant(grant, "refreshTokenExpiresAt", tokens.refreshTokenExpiresAt());
        if (tokens.fix() != null) {
            grant.put("fix", tokens.fix());
        }
        return grant;
    }

    private static void putInstant(JsonObject json, String key, Instant instant) {
        if (instant != null) {
            json.put(key, instant.toString());
        }
    }

    private static String known(Object value) {
        return value == null ? "unknown" : value.toString();
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
