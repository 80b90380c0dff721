package io.camelcount.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every YAML route file and every Kamelet's template against the JSON schema of the YAML DSL that
 * camel-yaml-dsl ships, so that a misspelt step or option fails the build instead of the integrator's
 * start-up. The files are found in the source folders: a new one is checked without touching this test.
 */
class YamlDslSchemaTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final Path KAMELETS = Path.of("src/main/resources/kamelets");
    private static final String KAMELET_SUFFIX = ".kamelet.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema CAMEL_YAML_DSL = camelYamlDslSchema();
    private static final JsonSchema KAMELET = kameletSchema();

    /** {{name}} or {{?name}}; placeholders with a default or a function ({{env:X}}) are not a Kamelet's own. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z0-9_.-]+)}}");
    /** What the Kamelet component supplies to every template. */
    private static final Set<String> SUPPLIED = Set.of("routeId", "templateId");

    private static JsonSchema camelYamlDslSchema() {
        try (InputStream schema = YamlDslSchemaTest.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(schema).as("camel-yaml-dsl's schema/camelYamlDsl.json on the class path").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shape of a Kamelet as the Apache Camel Kamelets catalog writes them; camel-yaml-dsl has no schema
     * for the Kamelet as a whole, only for its template.
     */
    private static JsonSchema kameletSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema("""
                type: object
                required: [apiVersion, kind, metadata, spec]
                properties:
                  apiVersion: {const: camel.apache.org/v1}
                  kind: {const: Kamelet}
                  metadata:
                    type: object
                    required: [name, labels, annotations]
                    properties:
                      name: {type: string, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}
                      labels:
                        type: object
                        required: [camel.apache.org/kamelet.type]
                        properties:
                          camel.apache.org/kamelet.type: {enum: [source, sink, action]}
                      annotations:
                        type: object
                        required: [camel.apache.org/provider, camel.apache.org/kamelet.support.level,
                                   camel.apache.org/kamelet.group]
                        additionalProperties: {type: string}
                  spec:
                    type: object
                    required: [definition, dependencies, template]
                    properties:
                      definition:
                        type: object
                        required: [title, description, type, properties]
                        properties:
                          title: {type: string}
                          description: {type: string}
                          type: {const: object}
                          required: {type: array, items: {type: string}, uniqueItems: true}
                          properties:
                            type: object
                            additionalProperties:
                              type: object
                              required: [title, description, type]
                              properties:
                                title: {type: string}
                                description: {type: string}
                                type: {enum: [string, integer, number, boolean]}
                                x-descriptors: {type: array, items: {type: string}}
                              # A secret is masked in UIs and grouped with the other credentials.
                              if: {required: [format], properties: {format: {const: password}}}
                              then:
                                required: [x-descriptors]
                                properties:
                                  x-descriptors: {contains: {const: "urn:camel:group:credentials"}}
                      dependencies:
                        type: array
                        minItems: 1
                        items: {type: string, pattern: "^(camel|mvn):"}
                      template: {type: object}
                """, InputFormat.YAML);
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
            assertThat(files).as("*%s files in %s", suffix, folder.toAbsolutePath()).isNotEmpty();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder.toAbsolutePath(), e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> errors(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The Kamelet's template as the route template Camel turns it into when it loads the Kamelet. */
    private static JsonNode asRouteTemplate(JsonNode kamelet) {
        ObjectNode routeTemplate = kamelet.path("spec").path("template").deepCopy();
        routeTemplate.put("id", kamelet.path("metadata").path("name").asText());
        ArrayNode routes = YAML.createArrayNode();
        routes.addObject().set("routeTemplate", routeTemplate);
        return routes;
    }

    /** What the schema cannot say: the template and the definition agree on the Kamelet's properties. */
    private static List<String> propertyMismatches(JsonNode kamelet) {
        JsonNode definition = kamelet.path("spec").path("definition");
        Set<String> defined = new HashSet<>();
        definition.path("properties").fieldNames().forEachRemaining(defined::add);
        Set<String> required = new HashSet<>();
        definition.path("required").forEach(name -> required.add(name.asText()));

        List<String> mismatches = new ArrayList<>();
        required.stream().filter(name -> !defined.contains(name))
                .forEach(name -> mismatches.add("required property " + name + " is not defined"));
        Set<String> used = new HashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(kamelet.path("spec").path("template").toString());
        while (placeholder.find()) {
            boolean optional = !placeholder.group(1).isEmpty();
            String name = placeholder.group(2);
            used.add(name);
            if (SUPPLIED.contains(name)) {
                continue;
            }
            if (!defined.contains(name)) {
                mismatches.add("the template uses {{" + placeholder.group(1) + name + "}}, which is not a property");
            } else if (!optional && !required.contains(name) && !definition.path("properties").path(name).has("default")) {
                mismatches.add("{{" + name + "}} is neither required nor defaulted: use {{?" + name + "}}");
            }
        }
        defined.stream().filter(name -> !used.contains(name))
                .forEach(name -> mismatches.add("property " + name + " is not used by the template"));
        return mismatches.stream().sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteFileFollowsTheYamlDsl() {
        return files(ROUTES, ".camel.yaml").stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> assertThat(errors(CAMEL_YAML_DSL, read(file))).as(file.toString()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyKameletTemplateFollowsTheYamlDsl() {
        return files(KAMELETS, KAMELET_SUFFIX).stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> assertThat(errors(CAMEL_YAML_DSL, asRouteTemplate(read(file)))).as(file.toString()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyKameletIsAWellFormedKamelet() {
        return files(KAMELETS, KAMELET_SUFFIX).stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            JsonNode kamelet = read(file);
            assertThat(errors(KAMELET, kamelet)).as(file.toString()).isEmpty();
            assertThat(propertyMismatches(kamelet)).as(file.toString()).isEmpty();
            String fileName = file.getFileName().toString();
            assertThat(kamelet.path("metadata").path("name").asText())
                    .as("the Kamelet component finds a Kamelet by its file name")
                    .isEqualTo(fileName.substring(0, fileName.length() - KAMELET_SUFFIX.length()));
        }));
    }

    @Test
    void aFolderWithoutFilesToCheckFailsRatherThanPassingEmpty(@TempDir Path empty) {
        assertThatThrownBy(() -> files(empty, ".camel.yaml")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("*.camel.yaml files in " + empty.toAbsolutePath());
    }

    @Test
    void aRouteThatBreaksTheYamlDslIsRejected() {
        JsonNode misspeltStep = read("""
                - route:
                    from:
                      uri: direct:invoice-request
                      steps:
                        - too: count:invoices?operation=create
                """);
        JsonNode misspeltOption = read("""
                - route:
                    from:
                      uri: direct:invoice-request
                      steps:
                        - setHeader:
                            nmae: CamelCountUuid
                            simple: "${body.uuid}"
                """);

        assertThat(errors(CAMEL_YAML_DSL, misspeltStep)).anyMatch(error -> error.contains("'too'"));
        assertThat(errors(CAMEL_YAML_DSL, misspeltOption)).anyMatch(error -> error.contains("'nmae'"));
    }

    @Test
    void aKameletWhoseTemplateBreaksTheYamlDslIsRejected() {
        JsonNode kamelet = read("""
                apiVersion: camel.apache.org/v1
                kind: Kamelet
                metadata:
                  name: broken-sink
                spec:
                  template:
                    from:
                      uri: kamelet:source
                      steps:
                        - to:
                            uri: count:invoices
                            parameter:
                              operation: create
                """);

        assertThat(errors(CAMEL_YAML_DSL, asRouteTemplate(kamelet))).anyMatch(error -> error.contains("'parameter'"));
    }

    @Test
    void aKameletWhoseDefinitionDoesNotMatchItsTemplateIsRejected() {
        JsonNode kamelet = read("""
                apiVersion: camel.apache.org/v1
                kind: Kamelet
                metadata:
                  name: broken-sink
                  labels:
                    camel.apache.org/kamelet.type: sink
                  annotations:
                    camel.apache.org/provider: camel-count
                    camel.apache.org/kamelet.support.level: Preview
                    camel.apache.org/kamelet.group: COUNT
                spec:
                  definition:
                    title: Broken
                    description: A secret without its descriptor, and properties the template does not agree with.
                    type: object
                    properties:
                      clientSecret: {title: Client Secret, description: The secret., type: string, format: password}
                      approve: {title: Approve, description: Approve it., type: boolean}
                      unused: {title: Unused, description: Never used., type: string}
                  dependencies: ["camel:kamelet"]
                  template:
                    from:
                      uri: kamelet:source
                      steps:
                        - to: "count:invoices?operation=create&clientSecret={{?clientSecrt}}&approve={{approve}}"
                """);

        assertThat(errors(KAMELET, kamelet)).singleElement().asString().contains("x-descriptors");
        assertThat(propertyMismatches(kamelet)).containsExactly(
                "property clientSecret is not used by the template",
                "property unused is not used by the template",
                "the template uses {{?clientSecrt}}, which is not a property",
                "{{approve}} is neither required nor defaulted: use {{?approve}}");
    }
}
