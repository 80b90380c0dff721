package io.camelcount.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * Every YAML route file against the JSON schema of the YAML DSL that camel-yaml-dsl ships, so that a misspelt
 * step or option fails the build instead of the integrator's start-up. The files are found in the source folder:
 * a new one is checked without touching this test. The Kamelets are checked in camel-count-kamelets.
 */
class YamlDslSchemaTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema CAMEL_YAML_DSL = camelYamlDslSchema();

    private static JsonSchema camelYamlDslSchema() {
        try (InputStream schema = YamlDslSchemaTest.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(schema).as("camel-yaml-dsl's schema/camelYamlDsl.json on the class path").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    @TestFactory
    Stream<DynamicTest> everyRouteFileFollowsTheYamlDsl() {
        return files(ROUTES, ".camel.yaml").stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> assertThat(errors(CAMEL_YAML_DSL, read(file))).as(file.toString()).isEmpty()));
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
}
