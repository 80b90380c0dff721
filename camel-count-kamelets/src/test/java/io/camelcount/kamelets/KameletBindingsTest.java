package io.camelcount.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.camelcount.component.CountConstants;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static io.camelcount.kamelets.Documents.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The binding examples (examples/*-binding.yaml, one per Kamelet): well-formed Pipes whose properties are their
 * Kamelets' own, the route Camel makes of each valid in the YAML DSL, and each run by the YAML DSL against an
 * embedded mock COUNT.
 */
class KameletBindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The log-sink's loggerName in count-invoice-source-binding.yaml. */
    private static final String LOGGER = "count-paid-invoices";
    /** How Camel's log component shows the body: "..., Body: <body>]". */
    private static final Pattern LOGGED_BODY = Pattern.compile("Body: (\\{.*})]$");
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final JsonSchema CAMEL_YAML_DSL = Documents.camelYamlDslSchema();
    private static final JsonSchema PIPE = Documents.schema("""
            type: object
            required: [apiVersion, kind, metadata, spec]
            properties:
              apiVersion: {const: camel.apache.org/v1}
              kind: {const: Pipe}
              metadata:
                type: object
                required: [name]
                properties:
                  name: {type: string, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}
              spec:
                type: object
                required: [source, sink]
                additionalProperties: false
                properties:
                  source: {$ref: "#/definitions/endpoint"}
                  steps: {type: array, items: {$ref: "#/definitions/endpoint"}}
                  sink: {$ref: "#/definitions/endpoint"}
            definitions:
              endpoint:
                type: object
                required: [ref]
                additionalProperties: false
                properties:
                  ref:
                    type: object
                    required: [kind, apiVersion, name]
                    additionalProperties: false
                    properties:
                      kind: {const: Kamelet}
                      apiVersion: {const: camel.apache.org/v1}
                      name: {type: string}
                  properties: {type: object, additionalProperties: {type: [string, number, boolean]}}
            """);

    @TempDir
    Path folder;

    private CountMockServer mock;
    private Workspace workspace;
    private CamelContext camel;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private AbstractAppender logSink;

    @BeforeEach
    void start() {
        mock = CountMockServer.builder().port(0).start();
        workspace = mock.demoWorkspace();
        camel = new DefaultCamelContext();
        // What the source binding's log-sink writes: its logger, at the level it logs at.
        logSink = new AbstractAppender("count-paid-invoices-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.getMessage().getFormattedMessage());
            }
        };
        logSink.start();
        Configurator.setLevel(LOGGER, Level.INFO);
        LoggerContext logging = LoggerContext.getContext(false);
        logging.getConfiguration().getLoggerConfig(LOGGER).addAppender(logSink, Level.INFO, null);
        logging.updateLoggers();
        // The bindings carry no connection: the count component's configuration, as application.properties sets it.
        DemoConnection.configure(camel, mock);
        // Not the default .camel-count/ in this module's folder.
        Properties kamelet = new Properties();
        kamelet.setProperty("camel.kamelet.count-invoice-source.seenFile", folder.resolve("seen.dat").toString());
        camel.getPropertiesComponent().setOverrideProperties(kamelet);
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        mock.stop();
        LoggerContext logging = LoggerContext.getContext(false);
        logging.getConfiguration().getLoggerConfig(LOGGER).removeAppender(logSink.getName());
        logging.updateLoggers();
        logSink.stop();
    }

    /** Loads the binding as Camel JBang does: the YAML DSL makes a route of the Pipe, which starts at once. */
    private void run(String binding) throws Exception {
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(ResourceHelper.resolveResource(camel, "file:" + Documents.EXAMPLES.resolve(binding)));
    }

    /** The route Camel's YAML DSL makes of a Pipe: from the source, through the steps, to the sink. */
    private static JsonNode asRoute(JsonNode pipe) {
        ObjectNode route = JsonNodeFactory.instance.objectNode();
        route.put("id", pipe.path("metadata").path("name").asText());
        ObjectNode from = route.putObject("from");
        from.put("uri", kameletUri(pipe.path("spec").path("source")));
        ArrayNode steps = from.putArray("steps");
        pipe.path("spec").path("steps").forEach(step -> steps.addObject().putObject("kamelet")
                .put("name", kameletUri(step).substring("kamelet:".length())));
        steps.addObject().put("to", kameletUri(pipe.path("spec").path("sink")));
        ArrayNode routes = JsonNodeFactory.instance.arrayNode();
        routes.addObject().set("route", route);
        return routes;
    }

    private static String kameletUri(JsonNode endpoint) {
        StringBuilder uri = new StringBuilder("kamelet:").append(endpoint.path("ref").path("name").asText());
        char separator = '?';
        for (Map.Entry<String, JsonNode> property : endpoint.path("properties").properties()) {
            uri.append(separator).append(property.getKey()).append('=').append(property.getValue().asText());
            separator = '&';
        }
        return uri.toString();
    }

    /** Our Kamelet from the jar, or one of Apache Camel's catalog (a test dependency, as Camel JBang downloads it). */
    private static JsonNode kamelet(String name) {
        Path ours = Documents.kameletFolder().resolve(name + Documents.KAMELET_SUFFIX);
        return Files.exists(ours) ? Documents.read(ours) : Documents.catalogKamelet(name);
    }

    /**
     * What the schema cannot say: each Kamelet bound exists, and is given only its own properties and all those it
     * requires.
     */
    private static List<String> propertyMismatches(JsonNode pipe) {
        List<JsonNode> endpoints = Stream.of(pipe.path("spec").path("source"), pipe.path("spec").path("sink")).toList();
        return endpoints.stream().flatMap(endpoint -> {
            String name = endpoint.path("ref").path("name").asText();
            JsonNode definition = kamelet(name).path("spec").path("definition");
            Set<String> given = new HashSet<>();
            endpoint.path("properties").fieldNames().forEachRemaining(given::add);
            Stream<String> unknown = given.stream().filter(property -> !definition.path("properties").has(property))
                    .map(property -> name + " has no property " + property);
            Stream<String> missing = Stream.of(definition.path("required")).flatMap(required -> required.valueStream())
                    .map(JsonNode::asText).filter(property -> !given.contains(property))
                    .map(property -> name + " requires " + property);
            return Stream.concat(unknown, missing);
        }).sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> everyKameletHasABindingExample() {
        return Documents.kamelets().stream().map(Documents::kameletName).map(name -> dynamicTest(name, () -> {
            JsonNode binding = Documents.read(Documents.EXAMPLES.resolve(name + Documents.BINDING_SUFFIX));
            assertThat(binding.path("spec").findValues("name")).map(JsonNode::asText).contains(name);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBindingIsAPipeOfItsKameletsProperties() {
        return Documents.bindings().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            JsonNode pipe = Documents.read(file);
            assertThat(errors(PIPE, pipe)).as(file.toString()).isEmpty();
            assertThat(propertyMismatches(pipe)).as(file.toString()).isEmpty();
            assertThat(errors(CAMEL_YAML_DSL, asRoute(pipe))).as(file.toString()).isEmpty();
        }));
    }

    @Test
    void aBindingGivingAKameletPropertiesItDoesNotHaveIsRejected() {
        JsonNode pipe = Documents.read("""
                apiVersion: camel.apache.org/v1
                kind: Pipe
                metadata:
                  name: broken-binding
                spec:
                  source:
                    ref: {kind: Kamelet, apiVersion: camel.apache.org/v1, name: timer-source}
                    properties: {period: 1000}
                  sink:
                    ref: {kind: Kamelet, apiVersion: camel.apache.org/v1, name: count-invoice-sink}
                    properties: {aprove: true}
                  sinks: []
                """);

        assertThat(errors(PIPE, pipe)).singleElement().asString().contains("sinks");
        assertThat(propertyMismatches(pipe)).containsExactly("count-invoice-sink has no property aprove",
                "timer-source requires message");
    }

    @Test
    void theSinkBindingCreatesAndApprovesTheInvoiceItsSourceRequests() throws Exception {
        run("count-invoice-sink-binding.yaml");

        // Created, then approved by the sink's next step.
        Invoice invoice = await().atMost(PATIENCE).until(() -> workspace.invoices().stream()
                .filter(candidate -> "Created by the count-invoice-sink binding".equals(candidate.notes()))
                .filter(Invoice::approved).findFirst().orElse(null), found -> found != null);
        assertThat(invoice.status(workspace.today())).isNotEqualTo(InvoiceStatus.DRAFT);
        assertThat(workspace.invoices()).as("one request, one invoice").hasSize(1);
        assertThat(invoice.customerUuid()).isEqualTo(DemoWorkspace.ACME_TRADING);
        assertThat(invoice.total()).isEqualByComparingTo("360");
    }

    @Test
    void theSourceBindingLogsEachPaidInvoiceAsJson() throws Exception {
        String paid = approvedInvoice("paid before the binding started");
        workspace.payBalance(UUID.fromString(paid));
        String unpaid = approvedInvoice("not paid");

        run("count-invoice-source-binding.yaml");

        await().atMost(PATIENCE).until(() -> !logged.isEmpty());
        assertThat(logged).as("the paid invoice, not %s", unpaid).singleElement().satisfies(line -> {
            assertThat(line).contains(CountConstants.UUID + "=" + paid, CountConstants.STATUS + "=paid");
            Matcher body = LOGGED_BODY.matcher(line);
            assertThat(body.find()).as(line).isTrue();
            JsonNode invoice = JSON.readTree(body.group(1));
            assertThat(invoice.get("id").asText()).isEqualTo(paid);
            assertThat(invoice.get("status").asText()).isEqualTo("paid");
        });
    }

    private String approvedInvoice(String notes) {
        return DemoConnection.approvedInvoice(camel.createProducerTemplate(), "count:invoices?operation=create",
                workspace, notes);
    }
}
