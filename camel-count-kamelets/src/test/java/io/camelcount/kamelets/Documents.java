package io.camelcount.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kamelets as the jar holds them (filtered), their binding examples, and the schemas they are checked against. */
final class Documents {

    static final String KAMELET_SUFFIX = ".kamelet.yaml";
    static final String BINDING_SUFFIX = "-binding.yaml";
    /** Outside the jar, which holds Kamelets only. */
    static final Path EXAMPLES = Path.of("examples");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Documents() {
    }

    /** kamelets/ of this module's build output: the Kamelets with the build's version filled in. */
    static Path kameletFolder() {
        URL folder = Documents.class.getResource("/kamelets");
        assertThat(folder).as("kamelets/ on the class path").isNotNull();
        try {
            return Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> kamelets() {
        return files(kameletFolder(), KAMELET_SUFFIX);
    }

    static List<Path> bindings() {
        return files(EXAMPLES, BINDING_SUFFIX);
    }

    static String kameletName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - KAMELET_SUFFIX.length());
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
            assertThat(files).as("*%s files in %s", suffix, folder.toAbsolutePath()).isNotEmpty();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder.toAbsolutePath(), e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Kamelet of Apache Camel's catalog jar (timer-source, log-sink...), which the bindings use beside ours. */
    static JsonNode catalogKamelet(String name) {
        try (InputStream kamelet = Documents.class.getResourceAsStream("/kamelets/" + name + KAMELET_SUFFIX)) {
            assertThat(kamelet).as("Kamelet %s on the class path", name).isNotNull();
            return YAML.readTree(kamelet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON schema of the YAML DSL that camel-yaml-dsl ships. */
    static JsonSchema camelYamlDslSchema() {
        try (InputStream schema = Documents.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(schema).as("camel-yaml-dsl's schema/camelYamlDsl.json on the class path").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema schema(String yaml) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(yaml, InputFormat.YAML);
    }

    static List<String> errors(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
