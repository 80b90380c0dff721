package io.camelcount.component.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component's options marked secret in its own metadata (count.json, which the component's build writes from its
 * {@code secret = true} options), so that an option marked secret later is hidden without a change here.
 */
final class CountSecretOptions {

    static final String COMPONENT_METADATA = "META-INF/io/camelcount/component/count.json";

    private CountSecretOptions() {
    }

    /** The secret options' names, such as {@code clientSecret}. */
    static Set<String> names() {
        try (InputStream metadata = CountSecretOptions.class.getClassLoader().getResourceAsStream(COMPONENT_METADATA)) {
            if (metadata == null) {
                throw new IllegalStateException(COMPONENT_METADATA + " is not on the classpath: is camel-count there?");
            }
            Set<String> names = new TreeSet<>();
            new ObjectMapper().readTree(metadata).path("componentProperties").properties().forEach(option -> {
                JsonNode secret = option.getValue().path("secret");
                if (secret.asBoolean(false)) {
                    names.add(option.getKey());
                }
            });
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + COMPONENT_METADATA, e);
        }
    }

    /**
     * A property name as Spring Boot reads it in any of its forms ({@code client-secret}, {@code clientSecret},
     * {@code CLIENT_SECRET}): lower case, letters and digits only.
     */
    static String canonical(String propertyName) {
        return propertyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
