package io.camelcount.component;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The component JSON that camel-component-maven-plugin generates: what Camel tooling shows of the component. */
final class ComponentJson {

    private ComponentJson() {
    }

    static JsonNode read() throws IOException {
        try (InputStream in = ComponentJson.class.getResourceAsStream("/META-INF/io/camelcount/component/count.json")) {
            assertThat(in).as("generated component JSON").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
