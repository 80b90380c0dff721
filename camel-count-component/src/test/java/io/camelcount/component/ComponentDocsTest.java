package io.camelcount.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The documentation page's option and header tables are the generated component JSON, what Camel tooling shows: each
 * table sits between two marker comments and must read exactly as rendered here from the JSON, so a name, default
 * or description changed in the code and not on the page fails. The failure prints the corrected tables, and the
 * corrected page is written to target/count-component.adoc, so the fix is a copy.
 */
class ComponentDocsTest {

    private static final Path PAGE = Path.of("src/main/docs/count-component.adoc");
    private static final Path CORRECTED = Path.of("target/count-component.adoc");

    private static JsonNode model;

    @BeforeAll
    static void readTheGeneratedModel() throws IOException {
        model = ComponentJson.read();
    }

    @Test
    void theTablesAreTheGeneratedJson() throws IOException {
        String page = Files.readString(PAGE);
        Map<String, String> tables = tables(model);
        String corrected = withTables(page, tables);
        if (!corrected.equals(page)) {
            Files.createDirectories(CORRECTED.getParent());
            Files.writeString(CORRECTED, corrected);
            StringBuilder stale = new StringBuilder();
            tables.forEach((name, table) -> {
                if (!page.contains(table)) {
                    stale.append('\n').append(table);
                }
            });
            fail("%s's tables differ from count.json. The corrected page is %s (copy it over the page); the tables"
                 + " that differ are:%n%s", PAGE, CORRECTED.toAbsolutePath(), stale);
        }
    }

    @Test
    void aChangedDescriptionIsFoundAndCorrected() {
        Map<String, String> tables = tables(model);
        String page = withTables("// START endpoint-options\n// END endpoint-options\n// START component-options\n"
                                 + "// END component-options\n// START headers\n// END headers\n", tables);
        String changed = page.replace("| `rateLimit` | `100` | ", "| `rateLimit` | `100` | Per minute. ");

        assertThat(changed).isNotEqualTo(page);
        assertThat(withTables(page, tables)).isEqualTo(page);
        assertThat(withTables(changed, tables)).isEqualTo(page);
    }

    @Test
    void aTableWithoutItsMarkersFails() {
        assertThatThrownBy(() -> withTables("= COUNT Component\n", tables(model)))
                .hasMessageContaining("// START endpoint-options");
    }

    @Test
    void everyOptionAndHeaderHasADescription() {
        for (String section : List.of("componentProperties", "properties", "headers")) {
            model.get(section).fields().forEachRemaining(entry -> assertThat(entry.getValue().path("description").asText())
                    .as("description of %s %s", section, entry.getKey()).isNotBlank());
        }
    }

    @Test
    void secretsAreMarkedSecretForCamelTooling() {
        JsonNode properties = model.get("properties");
        for (String secret : List.of("clientSecret", "accessToken", "refreshToken", "signingSecret")) {
            assertThat(properties.path(secret).path("secret").asBoolean()).as(secret).isTrue();
        }
    }

    /**
     * The page's tables by marker name: every endpoint option; the component's options that an endpoint does not
     * have, or has with another default or description; the headers.
     */
    private static Map<String, String> tables(JsonNode model) {
        JsonNode endpoint = model.get("properties");
        Predicate<Map.Entry<String, JsonNode>> componentOnly = option -> !endpoint.has(option.getKey())
                || !Objects.equals(option.getValue().get("defaultValue"), endpoint.get(option.getKey()).get("defaultValue"))
                || !Objects.equals(option.getValue().get("description"), endpoint.get(option.getKey()).get("description"));
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("endpoint-options", table("endpoint-options", "Default", endpoint, option -> true, "defaultValue"));
        tables.put("component-options",
                table("component-options", "Default", model.get("componentProperties"), componentOnly, "defaultValue"));
        tables.put("headers", table("headers", "Java type", model.get("headers"), option -> true, "javaType"));
        return tables;
    }

    private static String table(String name, String column, JsonNode options, Predicate<Map.Entry<String, JsonNode>> shown,
                                String field) {
        StringBuilder table = new StringBuilder("// START " + name + " (generated from count.json: see ComponentDocsTest)\n")
                .append("[cols=\"2,1,5\"]\n|===\n| Name | ").append(column).append(" | Description\n\n");
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        options.fields().forEachRemaining(rows::add);
        for (Map.Entry<String, JsonNode> option : rows) {
            if (shown.test(option)) {
                JsonNode value = option.getValue().get(field);
                table.append("| `").append(option.getKey()).append("` | ")
                        .append(value == null ? "" : "`" + value.asText() + "` ")
                        .append("| ").append(description(option.getValue())).append('\n');
            }
        }
        return table.append("|===\n// END ").append(name).append('\n').toString();
    }

    /** The JSON's description, after what the JSON flags and the description leaves unsaid: required, secret. */
    private static String description(JsonNode option) {
        List<String> flags = new ArrayList<>();
        if (option.path("required").asBoolean()) {
            flags.add("required");
        }
        if (option.path("secret").asBoolean()) {
            flags.add("secret");
        }
        String text = option.get("description").asText().replace("|", "\\|");
        String flagged = String.join(", ", flags);
        return flags.isEmpty() ? text : "*" + flagged.substring(0, 1).toUpperCase() + flagged.substring(1) + ".* " + text;
    }

    /** The page with each table replaced, from its START marker line to its END marker line. */
    private static String withTables(String page, Map<String, String> tables) {
        String result = page;
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String start = "// START " + table.getKey();
            String end = "// END " + table.getKey() + "\n";
            int from = result.indexOf(start);
            int to = result.indexOf(end, Math.max(from, 0));
            if (from < 0 || to < 0 || from > 0 && result.charAt(from - 1) != '\n') {
                throw new IllegalStateException("The page has no table between the lines " + start + " and " + end.trim());
            }
            result = result.substring(0, from) + table.getValue() + result.substring(to + end.length());
        }
        return result;
    }
}
