package io.camelcount.component.springboot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Only in an application with Spring Boot's Actuator: hides the component's secrets from its endpoints. */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class CountActuatorAutoConfiguration {

    @Bean
    public SanitizingFunction countSecretsSanitizingFunction() {
        return new CountSecretsSanitizingFunction();
    }
}
