package io.camelcount.component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default Camel tooling shows for each option (the generated component JSON) is the value a fresh component and
 * endpoint hold, read through the generated configurers as Camel reads them, and what the consumer runs with: a
 * default written in an annotation can no longer drift from the field it describes.
 */
class OptionDefaultsTest {

    /** How the JSON spells a primitive option: one without a default there holds its zero value, false or 0. */
    private static final Set<String> PRIMITIVES = Set.of("boolean", "int", "long");

    /**
     * Options that Camel's own classes hold in another form than its tooling shows, on every component: the endpoint
     * holds -1 for an initialDelay not set and its consumer then waits 1000 ms (checked below on the consumer);
     * exchangePattern is InOnly unless set, which Camel's metadata never shows.
     */
    private static final Map<String, Object> HELD_BY_CAMEL = Map.of("initialDelay", -1L, "exchangePattern", ExchangePattern.InOnly);

    private static JsonNode model;

    @BeforeAll
    static void readTheGeneratedModel() throws IOException {
        model = ComponentJson.read();
    }

    @Test
    void aFreshComponentHoldsEveryDefaultTheJsonShows() {
        assertThat(drift("componentProperties", new CountComponentConfigurer(), new CountComponent())).isEmpty();
    }

    @Test
    void aFreshEndpointHoldsEveryDefaultTheJsonShows() {
        CountEndpoint fresh = new CountEndpoint("count:invoices", new CountComponent(), new CountConfiguration());
        assertThat(drift("properties", new CountEndpointConfigurer(), fresh)).isEmpty();
    }

    @Test
    void theConsumerPollsAtTheDelayTheJsonShows() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            CountEndpoint endpoint = camel.getEndpoint("count:invoices?operation=list&clientId=demo-client"
                                                       + "&clientSecret=demo-secret&accessToken=demo-access-token",
                    CountEndpoint.class);
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) endpoint.createConsumer(exchange -> {
            });

            assertThat(consumer.getDelay()).isEqualTo(model.get("properties").get("delay").get("defaultValue").asLong())
                    .isEqualTo(CountEndpoint.DEFAULT_POLL_DELAY);
            assertThat(consumer.getInitialDelay())
                    .isEqualTo(model.get("properties").get("initialDelay").get("defaultValue").asLong());
        }
    }

    @Test
    void aDriftIsFound() {
        CountComponent changed = new CountComponent();
        changed.setMaxConnections(21);
        changed.getConfiguration().setRateLimit(0);

        assertThat(drift("componentProperties", new CountComponentConfigurer(), changed)).containsExactly(
                "maxConnections: the JSON shows 20, a fresh instance holds 21",
                "rateLimit: the JSON shows 100, a fresh instance holds 0");
    }

    /**
     * Each option of {@code section} whose value in {@code fresh} is not the default the JSON shows. The option that
     * holds the shared configuration is skipped: its own options are each compared.
     */
    private static List<String> drift(String section, PropertyConfigurerGetter options, Object fresh) {
        Set<String> holders = new HashSet<>();
        model.get(section).forEach(option -> holders.add(option.path("configurationField").asText()));
        List<String> drift = new ArrayList<>();
        model.get(section).fields().forEachRemaining(option -> {
            if (holders.contains(option.getKey())) {
                return;
            }
            JsonNode shown = option.getValue().get("defaultValue");
            Object held = options.getOptionValue(fresh, option.getKey(), false);
            if (!holdsWhatIsShown(option.getKey(), option.getValue(), held)) {
                drift.add(option.getKey() + ": the JSON shows " + (shown == null ? "no default" : shown.asText())
                          + ", a fresh instance holds " + held);
            }
        });
        return drift;
    }

    private static boolean holdsWhatIsShown(String name, JsonNode option, Object held) {
        if (HELD_BY_CAMEL.containsKey(name)) {
            return HELD_BY_CAMEL.get(name).equals(held);
        }
        JsonNode shown = option.get("defaultValue");
        if (shown == null) {
            return held == null || PRIMITIVES.contains(option.get("javaType").asText()) && isZero(held);
        }
        return shown.asText().equals(held instanceof Enum<?> constant ? constant.name() : String.valueOf(held));
    }

    private static boolean isZero(Object value) {
        return Boolean.FALSE.equals(value) || value instanceof Number number && number.longValue() == 0;
    }
}
