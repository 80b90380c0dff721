package io.camelcount.component.springboot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

/** The key forms Actuator hands the starter's SanitizingFunction, from /env and /configprops alike. */
class CountStarterSecretsSanitizingTest {

    private final CountSecretsSanitizingFunction function = new CountSecretsSanitizingFunction();

    @ParameterizedTest
    @ValueSource(strings = {"camel.component.count.client-secret", "camel.component.count.clientSecret",
            "CAMEL_COMPONENT_COUNT_CLIENTSECRET", "CAMEL_COMPONENT_COUNT_CLIENT_SECRET", "camel.component.count.access-token",
            "camel.component.count.refreshToken", "camel.component.count.signing-secret",
            "camel.component.count.configuration.clientSecret"})
    void masksTheSecrets(String key) {
        assertThat(function.apply(new SanitizableData(null, key, "s3cr3t")).getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"camel.component.count.client-id", "camel.component.count.base-url",
            "camel.component.count.token-file", "spring.datasource.password", "camel.component.kafka.client-secret"})
    void leavesEverythingElse(String key) {
        assertThat(function.apply(new SanitizableData(null, key, "shown")).getValue()).isEqualTo("shown");
    }
}
