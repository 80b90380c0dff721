package io.camelcount.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation page keeps up with the component: every option and header that Camel tooling shows
 * (the generated component JSON) is documented, with a description in the JSON itself too.
 */
class ComponentDocsTest {

    @Test
    void everyOptionAndHeaderIsDocumented() throws IOException {
        JsonNode model;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelcount/component/count.json")) {
            assertThat(in).as("generated component JSON").isNotNull();
            model = new ObjectMapper().readTree(in);
        }
        String adoc = Files.readString(Path.of("src/main/docs/count-component.adoc"));

        List<String> names = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            model.get(section).fields().forEachRemaining(entry -> {
                names.add(entry.getKey());
                assertThat(entry.getValue().path("description").asText())
                        .as("description of %s %s", section, entry.getKey()).isNotBlank();
            });
        }

        assertThat(names).hasSizeGreaterThan(30)
                .allSatisfy(name -> assertThat(adoc).as("count-component.adoc mentions %s", name).contains("`" + name + "`"));
    }

    @Test
    void secretsAreMarkedSecretForCamelTooling() throws IOException {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelcount/component/count.json")) {
            properties = new ObjectMapper().readTree(in).get("properties");
        }
        for (String secret : List.of("clientSecret", "accessToken", "refreshToken", "signingSecret")) {
            assertThat(properties.path(secret).path("secret").asBoolean()).as(secret).isTrue();
        }
    }
}
