package io.camelcount.component.springboot;

import java.util.List;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the component's secrets in Actuator's {@code /configprops} and {@code /env}, including where an application
 * shows every other value ({@code management.endpoint.*.show-values=always}): Spring Boot 3 has no list of secret
 * names of its own any more.
 */
final class CountSecretsSanitizingFunction implements SanitizingFunction {

    private static final String PREFIX = CountSecretOptions.canonical("camel.component.count.");

    private final List<String> secretSuffixes;

    CountSecretsSanitizingFunction() {
        this.secretSuffixes = CountSecretOptions.names().stream().map(CountSecretOptions::canonical).toList();
    }

    /**
     * Whatever the form of the key: {@code camel.component.count.client-secret} in /env, the bean's
     * {@code camel.component.count.clientSecret} in /configprops, {@code CAMEL_COMPONENT_COUNT_CLIENTSECRET} from the
     * environment, or a secret of a CountConfiguration bean set as {@code configuration}.
     */
    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = CountSecretOptions.canonical(data.getKey());
        return key.startsWith(PREFIX) && secretSuffixes.stream().anyMatch(key::endsWith) ? data.withSanitizedValue() : data;
    }
}
