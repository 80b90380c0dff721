package io.camelcount.component.springboot;

import io.camelcount.component.CountComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code count:} component from {@code camel.component.count.*} when Camel creates it, as Camel's own
 * starters do: {@code camel.component.count.enabled=false} turns this off, and
 * {@code camel.component.count.customizer.enabled=false} leaves the component as the application configures it.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, CountComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.count"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, CountComponentConfiguration.class})
public class CountComponentAutoConfiguration {

    /** Lazy, as in Camel's starters: Camel asks for customizers only once it creates a component. */
    @Lazy
    @Bean
    public ComponentCustomizer configureCountComponent(ApplicationContext applicationContext,
                                                       CountComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.count.customizer") && target instanceof CountComponent;
            }
        };
    }
}
