package io.camelcount.component.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.camelcount.component.CountConfiguration;
import io.camelcount.component.auth.TokenStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the component's object options ({@code camel.component.count.data-source}, {@code token-store}, ...) to the
 * Spring bean they name, as {@code #bean:name} or {@code #name}, the reference syntax of Camel's own starters.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class CountComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_OPTION_TYPES = Set.of(CountConfiguration.class, DataSource.class,
            TokenStore.class, IdempotentRepository.class, SSLContextParameters.class);

    private final ApplicationContext applicationContext;

    public CountComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_OPTION_TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    /** Anything but a bean reference converts to nothing, so that another converter may take it. */
    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !source.toString().startsWith("#")) {
            return null;
        }
        String reference = source.toString();
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
