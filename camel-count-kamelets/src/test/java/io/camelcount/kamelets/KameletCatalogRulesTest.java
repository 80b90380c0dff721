package io.camelcount.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static io.camelcount.kamelets.Documents.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every Kamelet of the jar, as Maven filtered it, against the Kamelet catalog's rules and the YAML DSL schema. The
 * Kamelets are found in the build output: a new one is checked without touching this test.
 */
class KameletCatalogRulesTest {

    private static final String BUILD_VERSION = System.getProperty("camel-count.version");
    private static final CatalogRules RULES = new CatalogRules(BUILD_VERSION);
    private static final JsonSchema CAMEL_YAML_DSL = Documents.camelYamlDslSchema();

    /** The Kamelet's template as the route template Camel turns it into when it loads the Kamelet. */
    static JsonNode asRouteTemplate(JsonNode kamelet) {
        ObjectNode routeTemplate = kamelet.path("spec").path("template").deepCopy();
        routeTemplate.put("id", kamelet.path("metadata").path("name").asText());
        ArrayNode routes = JsonNodeFactory.instance.arrayNode();
        routes.addObject().set("routeTemplate", routeTemplate);
        return routes;
    }

    @Test
    void theBuildHandsItsVersionToTheTests() {
        assertThat(BUILD_VERSION).as("surefire's camel-count.version").isNotBlank().doesNotContain("@", "$");
    }

    @TestFactory
    Stream<DynamicTest> everyKameletFollowsTheCatalogRules() {
        return Documents.kamelets().stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> assertThat(RULES.violations(file.getFileName().toString(), Documents.read(file)))
                        .as(file.toString()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyKameletNamesTheComponentOfThisBuild() {
        return Documents.kamelets().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            JsonNode kamelet = Documents.read(file);
            assertThat(kamelet.path("spec").path("dependencies")).map(JsonNode::asText)
                    .contains(CatalogRules.COMPONENT_DEPENDENCY + BUILD_VERSION);
            assertThat(kamelet.path("metadata").path("annotations").path("camel.apache.org/catalog.version").asText())
                    .isEqualTo(BUILD_VERSION);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyKameletTemplateFollowsTheYamlDsl() {
        return Documents.kamelets().stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> assertThat(errors(CAMEL_YAML_DSL, asRouteTemplate(Documents.read(file)))).as(file.toString())
                        .isEmpty()));
    }

    @Test
    void noTwoKameletsShareATitleOrADescription() {
        List<JsonNode> definitions = Documents.kamelets().stream()
                .map(file -> Documents.read(file).path("spec").path("definition")).toList();

        assertThat(definitions).map(definition -> definition.path("title").asText()).doesNotHaveDuplicates();
        assertThat(definitions).map(definition -> definition.path("description").asText()).doesNotHaveDuplicates();
    }

    /** A Kamelet catalog jar: a user who adds it gets Kamelets, not classes or configuration. */
    @Test
    void theJarHoldsKameletsOnly() throws IOException {
        Path classes = Documents.kameletFolder().getParent();
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(Files::isRegularFile).map(classes::relativize).map(Path::toString))
                    .isNotEmpty()
                    .allMatch(file -> file.matches("kamelets/[a-z0-9-]+\\.kamelet\\.yaml"));
        }
    }

    @Test
    void aKameletBreakingTheCatalogRulesIsRejected() {
        JsonNode kamelet = Documents.read("""
                apiVersion: camel.apache.org/v1
                kind: Kamelet
                metadata:
                  name: broken-sink
                  labels:
                    camel.apache.org/kamelet.type: source
                  annotations:
                    camel.apache.org/provider: camel-count
                    camel.apache.org/kamelet.support.level: Preview
                    camel.apache.org/kamelet.group: COUNT
                    camel.apache.org/catalog.version: "0.0.1"
                    camel.apache.org/kamelet.icon: "data:image/svg+xml;base64,PGh0bWwvPg=="
                spec:
                  definition:
                    title: Broken
                    description: A secret without its descriptor, and properties the template does not agree with.
                    type: object
                    properties:
                      clientSecret: {title: Client Secret, description: The secret., type: string, format: password}
                      approve: {title: Approve it, description: Approve it., type: boolean}
                      unused: {title: The Unused, description: Never used., type: string}
                  dependencies: ["camel:kamelet", "mvn:io.camelcount:camel-count:0.0.1"]
                  template:
                    from:
                      uri: kamelet:source
                      steps:
                        - marshal:
                            json:
                              library: Jackson
                        - to: "count:invoices?operation=create&clientSecret={{?clientSecrt}}&approve={{approve}}"
                """);

        assertThat(RULES.violations("count-sink.kamelet.yaml", kamelet)).containsExactly(
                "$.spec.definition.properties.clientSecret: required property 'x-descriptors' not found",
                "$.spec.definition.properties.unused.title: does not match the regex pattern ^(?!(The|A|An) )",
                "$.spec: required property 'types' not found",
                "a source must declare the media type of spec.types.out",
                "catalog.version is 0.0.1, not the build's " + BUILD_VERSION,
                "property clientSecret is not used by the template",
                "property unused is not used by the template",
                "the dependency mvn:io.camelcount:camel-count:0.0.1 is not the build's version " + BUILD_VERSION,
                "the file count-sink.kamelet.yaml is not named after the Kamelet broken-sink (the Kamelet component "
                + "finds a Kamelet by its file name)",
                "the icon is an XML html, not an SVG image",
                "the name broken-sink does not end with -source",
                "the template needs the dependency camel:core",
                "the template needs the dependency camel:jackson",
                "the template uses {{?clientSecrt}}, which is not a property",
                "the title Broken does not end with its type, source",
                "the title of property approve has a word in lower case: it",
                "{{approve}} is neither required nor defaulted: use {{?approve}}");
    }

    @Test
    void aKameletWhoseTemplateBreaksTheYamlDslIsRejected() {
        JsonNode kamelet = Documents.read("""
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
}
