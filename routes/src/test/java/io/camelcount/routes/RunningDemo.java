package io.camelcount.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.domain.Workspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo application with all its routes, started for each test against its own embedded mock COUNT on a
 * free port, with the file drop and the routes' state in a folder of the test's own.
 */
final class RunningDemo implements BeforeEachCallback, AfterEachCallback {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final HttpClient admin = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int requestJournal;
    private Path folder;
    private CountDemoApplication demo;
    private ProducerTemplate template;
    private int httpPort;
    private int managementPort;

    /** A property of application.properties set differently for these tests. */
    RunningDemo with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /** Keeps the mock COUNT's last {@code entries} requests, which {@link #countCalls()} lists. */
    RunningDemo withRequestJournal(int entries) {
        requestJournal = entries;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("count-demo");
        demo = new CountDemoApplication(Map.of("COUNT_MOCK_PORT", "0"), requestJournal);
        demo.main().addOverrideProperty("count.demo.inbox", folder.resolve("inbox").toString());
        demo.main().addOverrideProperty("count.state-dir", stateDir().toString());
        demo.main().addOverrideProperty("count.csv.inbox", csvInbox().toString());
        demo.main().addOverrideProperty("count.demo.samples", folder.resolve("no-samples").toString());
        httpPort = freePort();
        demo.main().addOverrideProperty("camel.server.port", String.valueOf(httpPort));
        managementPort = freePort();
        demo.main().addOverrideProperty("camel.management.port", String.valueOf(managementPort));
        properties.forEach(demo.main()::addOverrideProperty);
        demo.main().start();
        template = camel().createProducerTemplate();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        demo.main().stop();
        demo.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A port nothing listens on now, for the demo's HTTP server. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the demo's HTTP endpoints (the CRM webhook) answer. */
    String httpUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Where the demo's management server (/observe/health, /observe/metrics) answers. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    CamelContext camel() {
        return demo.main().getCamelContext();
    }

    ProducerTemplate template() {
        return template;
    }

    /** The mock COUNT's demo workspace, to check what the routes did from COUNT's side. */
    Workspace workspace() {
        return demo.mock().demoWorkspace();
    }

    /** Waits until the mock COUNT has attempted every webhook delivery due at its clock; false when time ran out. */
    boolean awaitWebhookDeliveries() throws InterruptedException {
        return demo.mock().awaitWebhookDeliveries(Duration.ofSeconds(20));
    }

    /**
     * The calls the routes made to COUNT since the last {@link #forgetCountCalls()}, oldest first, as
     * {@code "POST /partners/invoices"} (the query string left out); needs {@link #withRequestJournal(int)}.
     */
    List<String> countCalls() throws IOException, InterruptedException {
        HttpResponse<String> journal = admin.send(HttpRequest.newBuilder(
                URI.create(demo.mock().baseUrl() + "/__admin/requests")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> calls = new ArrayList<>();
        for (JsonNode served : json.readTree(journal.body()).path("requests")) {
            JsonNode request = served.path("request");
            calls.add(request.path("method").asText() + " " + request.path("url").asText().replaceFirst("\\?.*", ""));
        }
        // WireMock lists the newest first.
        Collections.reverse(calls);
        return calls;
    }

    void forgetCountCalls() throws IOException, InterruptedException {
        admin.send(HttpRequest.newBuilder(URI.create(demo.mock().baseUrl() + "/__admin/requests")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The CSV drop folder (count.csv.inbox). */
    Path csvInbox() {
        return folder.resolve("invoice-csv");
    }

    /** Where the routes keep what they remember (count.state-dir). */
    Path stateDir() {
        return folder.resolve("state");
    }
}
