package io.camelcount.component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelcount.component.api.CountOperation;
import org.apache.camel.Message;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The filters of a call: the endpoint's options, overridden by the message's headers, limited to what
 * the operation takes so that a misspelt or misplaced filter fails instead of being silently ignored. The
 * operation's row names the filters; the options of those names are read through Camel's generated configurer,
 * so no second list of filters is kept here.
 */
final class QueryString {

    private static final Map<String, String> HEADERS = Map.of(
            "page", CountConstants.PAGE, "limit", CountConstants.LIMIT, "search", CountConstants.SEARCH,
            "email", CountConstants.EMAIL);
    private static final int MAX_LIMIT = 100;

    private QueryString() {
    }

    static String of(CountEndpoint endpoint, Message message) {
        CountOperation operation = endpoint.operation();
        if (operation.queryParameters().isEmpty() && operation.requiredQuery().isEmpty()
            && message.getHeader(CountConstants.QUERY) == null) {
            return ""; // no filter to read or require, and no CountQuery header to refuse: most single-object calls
        }
        PropertyConfigurerGetter options = endpoint.filterOptions();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : operation.queryParameters()) {
            Object value = options.getOptionValue(endpoint, name, false);
            String header = HEADERS.get(name);
            if (header != null && message.getHeader(header) != null) {
                value = message.getHeader(header);
            }
            if (value != null) {
                values.put(name, value);
            }
        }
        Map<?, ?> perMessage = message.getHeader(CountConstants.QUERY, Map.class);
        if (perMessage != null) {
            perMessage.forEach((name, value) -> {
                if (!operation.queryParameters().contains(String.valueOf(name))) {
                    throw CountValidationException.beforeSending(operation.toString(), CountConstants.QUERY,
                            operation + " does not take the filter '" + name + "'" + takes(operation));
                }
                values.put(String.valueOf(name), value);
            });
        }
        values.values().removeIf(value -> value == null || value.toString().isBlank());
        check(operation, values);
        URIBuilder query = new URIBuilder();
        values.forEach((name, value) -> query.addParameter(name, text(value)));
        return query.toString();
    }

    private static String takes(CountOperation operation) {
        return operation.queryParameters().isEmpty() ? " (it takes none)"
                : "; it takes: " + String.join(", ", operation.queryParameters());
    }

    private static void check(CountOperation operation, Map<String, Object> values) {
        for (String required : operation.requiredQuery()) {
            if (!values.containsKey(required)) {
                String header = HEADERS.containsKey(required) ? ", the header " + HEADERS.get(required) + "," : "";
                throw CountValidationException.beforeSending(operation.toString(), required,
                        operation + " needs the filter '" + required + "': set the option " + required + header
                                + " or put it in the header " + CountConstants.QUERY);
            }
        }
        positive(operation, values, "page", Integer.MAX_VALUE);
        positive(operation, values, "limit", MAX_LIMIT);
    }

    private static void positive(CountOperation operation, Map<String, Object> values, String name, int max) {
        Object value = values.get(name);
        if (value == null) {
            return;
        }
        long number;
        try {
            number = Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1 || number > max) {
            throw CountValidationException.beforeSending(operation.toString(), name,
                    "the filter " + name + " is '" + value + "'; it must be a whole number from 1"
                            + (max == Integer.MAX_VALUE ? "" : " to " + max));
        }
    }

    private static String text(Object value) {
        return value instanceof Collection<?> many
                ? many.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
    }
}
