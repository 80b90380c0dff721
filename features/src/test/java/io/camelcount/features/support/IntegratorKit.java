package io.camelcount.features.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.PluginHelper;

/**
 * The YAML routes of {@code routes/}, loaded as shipped into the scenario's Camel context, with the settings
 * Camel Main would take from application.properties given here instead.
 */
public class IntegratorKit {

    private final CountClient count;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private Path folder;
    private int httpPort;

    public IntegratorKit(CountClient count) {
        this.count = count;
    }

    /** Loads {@code routes/<name>.camel.yaml}. */
    public void load(String name) {
        CamelContext camel = count.camel();
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    PluginHelper.getResourceLoader(camel).resolveResource("classpath:routes/" + name + ".camel.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException("The kit's route " + name + " did not load", e);
        }
    }

    public void set(String property, String value) {
        count.camel().getPropertiesComponent().addOverrideProperty(property, value);
    }

    /** A folder of the scenario's own, for the routes' file drops. */
    public Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("count-kit");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** Starts the HTTP server Camel Main would start (camel.server.enabled) on a free port, for platform-http routes. */
    public void serveHttp() {
        httpPort = freePort();
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(count.camel());
        server.setHost("localhost");
        server.setPort(httpPort);
        try {
            count.camel().addService(server, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("The HTTP server for the kit's webhooks did not start", e);
        }
    }

    public String httpUrl(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** What a webhook of the kit answered: the HTTP status and the JSON body. */
    public record WebhookAnswer(int status, Map<String, Object> body) {
    }

    /** Posts {@code payload} as JSON to the kit's webhook at {@code path}, as the system that calls it would. */
    public WebhookAnswer post(String path, Map<String, Object> payload) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(httpUrl(path)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new WebhookAnswer(response.statusCode(), json.readValue(response.body(), new TypeReference<>() {
            }));
        } catch (IOException e) {
            throw new AssertionError("The webhook " + path + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while calling the webhook " + path, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
