package io.camelcount.component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operation table is the one list of APIs, operations and filters: what Camel tooling shows (the generated
 * component JSON) says the same, so a row added without its option, or an option left behind, fails here.
 */
class OptionsMatchTheTableTest {

    private static JsonNode options;

    @BeforeAll
    static void readTheGeneratedModel() throws IOException {
        options = ComponentJson.read().get("properties");
    }

    @Test
    void theApiNameChoicesAreTheTablesApis() {
        assertThat(choices("apiName")).containsExactlyElementsOf(
                CountOperations.all().stream().map(CountOperation::api).distinct().toList());
    }

    @Test
    void theOperationChoicesAreTheTablesOperations() {
        assertThat(choices("operation")).containsExactlyInAnyOrderElementsOf(
                CountOperations.all().stream().map(CountOperation::name).distinct().toList());
    }

    @Test
    void theOperationDescriptionListsEachApisOperations() {
        String description = options.get("operation").get("description").asText();
        for (String api : CountOperations.all().stream().map(CountOperation::api).distinct().toList()) {
            int start = description.indexOf(" " + api + ": ");
            assertThat(start).as("the description names %s", api).isPositive();
            String listed = description.substring(start + api.length() + 3, description.indexOf('.', start));
            assertThat(listed.split(", ")).as("%s's operations in the description", api)
                    .containsExactlyInAnyOrderElementsOf(CountOperations.all().stream()
                            .filter(row -> row.api().equals(api)).map(CountOperation::name).toList());
        }
    }

    @Test
    void theFilterOptionsAreTheTablesFilters() {
        Set<String> tableFilters = new LinkedHashSet<>();
        CountOperations.all().forEach(row -> tableFilters.addAll(row.queryParameters()));
        List<String> filterOptions = new ArrayList<>();
        options.fields().forEachRemaining(option -> {
            if (option.getValue().path("label").asText().equals("filter") && !option.getKey().equals("paginate")) {
                filterOptions.add(option.getKey());
            }
        });
        assertThat(filterOptions).containsExactlyInAnyOrderElementsOf(tableFilters);
    }

    @Test
    void eachFilterIsDescribedForTheOperationsThatTakeIt() {
        for (CountOperation row : CountOperations.all()) {
            for (String filter : row.queryParameters()) {
                String description = options.get(filter).get("description").asText();
                assertThat(description.startsWith("For list:") && row.name().equals("list")
                           || description.contains("For " + row.api() + " " + row.name() + ":"))
                        .as("the description of %s names %s: %s", filter, row, description).isTrue();
            }
        }
    }

    @Test
    void theEnumOptionsOfferTheirJavaEnumsConstants() {
        assertThat(choices("paginate")).containsExactlyElementsOf(constants(Paginate.class));
        assertThat(options.get("paginate").get("defaultValue").asText()).isEqualTo(Paginate.one.name());
        assertThat(choices("duplicateInvoiceNumber")).containsExactlyElementsOf(constants(DuplicateInvoiceNumber.class));
        assertThat(options.get("duplicateInvoiceNumber").get("defaultValue").asText())
                .isEqualTo(DuplicateInvoiceNumber.fail.name());
    }

    private static List<String> choices(String option) {
        List<String> choices = new ArrayList<>();
        options.get(option).get("enum").forEach(choice -> choices.add(choice.asText()));
        return choices;
    }

    private static List<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
