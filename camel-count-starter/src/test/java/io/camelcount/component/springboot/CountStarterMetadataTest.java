package io.camelcount.component.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Spring configuration metadata, as the configuration processor wrote it into the jar, against the
 * component's own metadata (count.json): an option added to the component, or a default changed there, fails here
 * until CountComponentConfiguration follows.
 */
class CountStarterMetadataTest {

    private static final String PREFIX = "camel.component.count.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsAPropertyWithItsDescriptionAndDefault() throws IOException {
        Map<String, JsonNode> properties = starterProperties();
        JsonNode options = componentOptions();

        options.properties().forEach(option -> {
            String name = PREFIX + kebab(option.getKey());
            JsonNode component = option.getValue();
            assertThat(properties.keySet()).as("the starter's properties").contains(name);
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asText()).as(name).startsWith(component.path("description").asText());
            assertThat(property.path("defaultValue").asText(null)).as(name + "'s default")
                    .isEqualTo(component.path("defaultValue").asText(null));
        });
        assertThat(properties.keySet()).as("the starter's own, besides the component's options")
                .hasSize(options.size() + 2).contains(PREFIX + "enabled", PREFIX + "customizer.enabled");
    }

    @Test
    void secretsSayTheyAreSecretAndNothingElseDoes() throws IOException {
        Map<String, JsonNode> properties = starterProperties();

        componentOptions().properties().forEach(option -> {
            String description = properties.get(PREFIX + kebab(option.getKey())).path("description").asText();
            if (option.getValue().path("secret").asBoolean()) {
                assertThat(description).as(option.getKey()).contains("A secret: Actuator's /configprops and /env show it masked.");
            } else {
                assertThat(description).as(option.getKey()).doesNotContain("A secret:");
            }
        });
        assertThat(CountSecretOptions.names()).containsExactly("accessToken", "clientSecret", "refreshToken", "signingSecret");
    }

    /** The options whose values are a fixed list of strings: an IDE offers the list (Java enums it finds itself). */
    @Test
    void choicesAreHints() throws IOException {
        Map<String, List<String>> hints = new HashMap<>();
        for (JsonNode hint : starterMetadata("hints")) {
            hints.put(hint.path("name").asText(), hint.path("values").findValuesAsText("value"));
        }

        componentOptions().properties().forEach(option -> {
            JsonNode component = option.getValue();
            if (component.has("enum") && component.path("javaType").asText().equals("java.lang.String")) {
                assertThat(hints.get(PREFIX + kebab(option.getKey()))).as(option.getKey())
                        .containsExactlyElementsOf(textValues(component.path("enum")));
            }
        });
        assertThat(hints).hasSize(6);
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode componentOptions() throws IOException {
        try (InputStream metadata = ClassLoader.getSystemResourceAsStream(CountSecretOptions.COMPONENT_METADATA)) {
            return JSON.readTree(metadata).path("componentProperties");
        }
    }

    private static Map<String, JsonNode> starterProperties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode property : starterMetadata("properties")) {
            properties.put(property.path("name").asText(), property);
        }
        return properties;
    }

    /** This module's {@code properties} or {@code hints}, among the other starters' metadata on the classpath. */
    private static List<JsonNode> starterMetadata(String section) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (URL url : Collections.list(ClassLoader.getSystemResources("META-INF/spring-configuration-metadata.json"))) {
            for (JsonNode entry : JSON.readTree(url).path(section)) {
                if (entry.path("name").asText().startsWith(PREFIX)) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
