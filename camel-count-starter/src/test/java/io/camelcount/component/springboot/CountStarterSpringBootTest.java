package io.camelcount.component.springboot;

import java.util.Map;
import java.util.UUID;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConfiguration;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.junit.CountMockExtension;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter, camel-yaml-dsl-starter and Actuator, configured only through
 * {@code camel.component.count.*}, runs a YAML route against the embedded mock COUNT.
 */
@SpringBootTest(properties = {
        "camel.main.routes-include-pattern=classpath:camel/*.camel.yaml",
        "camel.component.count.rate-limit=50",
        "camel.component.count.connect-timeout=2500",
        "camel.component.count.signing-secret=" + CountStarterSpringBootTest.SIGNING_SECRET,
        // Actuator masks every value unless told otherwise; shown, only the starter's function hides the secrets.
        "management.endpoints.web.exposure.include=configprops,env",
        "management.endpoint.configprops.show-values=always",
        "management.endpoint.env.show-values=always"})
class CountStarterSpringBootTest {

    static final String SIGNING_SECRET = "whsec-starter-test";
    private static final String MASKED = "******";

    @RegisterExtension
    static final CountMockExtension COUNT = CountMockExtension.builder().build();

    @DynamicPropertySource
    static void countProperties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.count.base-url", COUNT::baseUrl);
        registry.add("camel.component.count.client-id", () -> DemoWorkspace.CLIENT_ID);
        registry.add("camel.component.count.client-secret", () -> DemoWorkspace.CLIENT_SECRET);
        registry.add("camel.component.count.access-token", () -> DemoWorkspace.ACCESS_TOKEN);
        registry.add("camel.component.count.refresh-token", () -> DemoWorkspace.REFRESH_TOKEN);
    }

    @SpringBootApplication
    static class Application {
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ConfigurationPropertiesReportEndpoint configprops;
    @Autowired
    private EnvironmentEndpoint env;

    @Test
    void theYamlRouteCreatesAndApprovesAnInvoiceInTheMock() {
        Workspace workspace = COUNT.server().demoWorkspace();
        String request = """
                {"customerUuid": "%s", "date": "%s", "notes": "Consulting, November",
                 "products": [{"productUuid": "%s", "quantity": 6, "unitPrice": 120.00}]}"""
                .formatted(DemoWorkspace.ACME_TRADING, workspace.today(), DemoWorkspace.CONSULTING_HOUR);

        Invoice answer = template.requestBody("direct:invoice-request", request, Invoice.class);

        assertThat(answer.getApproved()).isTrue();
        io.camelcount.mock.domain.Invoice stored = workspace.invoice(UUID.fromString(answer.getUuid()));
        assertThat(stored.approved()).isTrue();
        assertThat(stored.customerUuid()).isEqualTo(DemoWorkspace.ACME_TRADING);
        assertThat(stored.notes()).isEqualTo("Consulting, November");
        assertThat(stored.products()).hasSize(1);
        assertThat(workspace.invoices()).hasSize(1);
    }

    @Test
    void theComponentHasTheApplicationsProperties() {
        CountComponent component = camelContext.getComponent("count", CountComponent.class);
        CountConfiguration configuration = component.getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo(COUNT.baseUrl());
        assertThat(configuration.getClientId()).isEqualTo(DemoWorkspace.CLIENT_ID);
        assertThat(configuration.getClientSecret()).isEqualTo(DemoWorkspace.CLIENT_SECRET);
        assertThat(configuration.getRefreshToken()).isEqualTo(DemoWorkspace.REFRESH_TOKEN);
        assertThat(configuration.getRateLimit()).isEqualTo(50);
        assertThat(component.getConnectTimeout()).isEqualTo(2500);
        // Not set: the component's own default, which the starter's metadata repeats.
        assertThat(configuration.getMaxRetries()).isEqualTo(3);
    }

    @Test
    void actuatorShowsTheOptionsButNotTheSecrets() {
        ConfigurationPropertiesBeanDescriptor bean = configprops.configurationPropertiesWithPrefix("camel.component.count")
                .getContexts().values().stream()
                .flatMap(context -> context.getBeans().values().stream())
                .filter(descriptor -> descriptor.getPrefix().equals("camel.component.count"))
                .findFirst().orElseThrow();
        Map<String, Object> properties = bean.getProperties();

        assertThat(properties).containsEntry("baseUrl", COUNT.baseUrl()).containsEntry("rateLimit", 50)
                .containsEntry("clientSecret", MASKED).containsEntry("accessToken", MASKED)
                .containsEntry("refreshToken", MASKED).containsEntry("signingSecret", MASKED);
        assertThat(properties + " " + bean.getInputs()).doesNotContain(DemoWorkspace.CLIENT_SECRET,
                DemoWorkspace.ACCESS_TOKEN, DemoWorkspace.REFRESH_TOKEN, SIGNING_SECRET);

        assertThat(env.environmentEntry("camel.component.count.base-url").getProperty().getValue())
                .isEqualTo(COUNT.baseUrl());
        for (String secret : new String[] {"client-secret", "access-token", "refresh-token", "signing-secret"}) {
            assertThat(env.environmentEntry("camel.component.count." + secret).getProperty().getValue())
                    .as(secret).isEqualTo(MASKED);
        }
    }
}
