package io.camelcount.component;

import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the component reaches COUNT: through a proxy, with TLS settings of its own.
 */
class TransportTest extends MockCountTestSupport {

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    @Test
    void callsGoThroughTheConfiguredProxy() throws Exception {
        readsThroughTheProxy(count -> {
            count.setProxyHost("localhost");
            count.setProxyPort(mock.port());
        });
    }

    @Test
    void callsGoThroughTheProxyOfTheJvmSystemProperties() throws Exception {
        System.setProperty("http.proxyHost", "localhost");
        System.setProperty("http.proxyPort", String.valueOf(mock.port()));
        try {
            readsThroughTheProxy(count -> { });
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
        }
    }

    /** A get from a component whose base URL does not resolve: only the proxy (the mock itself) can answer it. */
    private void readsThroughTheProxy(Consumer<CountComponent> proxy) throws Exception {
        Invoice draft = createDraft();
        try (CamelContext behindProxy = new DefaultCamelContext()) {
            CountComponent count = demoComponent();
            count.getConfiguration().setBaseUrl("http://count.invalid");
            proxy.accept(count);
            behindProxy.addComponent("count", count);
            behindProxy.start();

            Exchange read = behindProxy.createProducerTemplate().request("count:invoices?operation=get",
                    exchange -> exchange.getMessage().setHeader(CountConstants.UUID, draft.getUuid()));

            assertThat(read.getException()).isNull();
            assertThat(read.getMessage().getBody(Invoice.class).getUuid()).isEqualTo(draft.getUuid());
        }
    }

    @Test
    void aProxyHostWithoutAPortFailsWhenTheRouteStarts() throws Exception {
        try (CamelContext misconfigured = new DefaultCamelContext()) {
            CountComponent count = demoComponent();
            count.setProxyHost("proxy.example");
            misconfigured.addComponent("count", count);

            assertThatThrownBy(() -> startWithRoute(misconfigured))
                    .hasStackTraceContaining("proxyHost proxy.example but no proxyPort");
        }
    }

    @Test
    void tlsSettingsThatCannotWorkFailWhenTheRouteStarts() throws Exception {
        try (CamelContext misconfigured = new DefaultCamelContext()) {
            KeyStoreParameters trustStore = new KeyStoreParameters();
            trustStore.setResource("classpath:no-such-truststore.p12");
            trustStore.setPassword("changeit");
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(trustStore);
            SSLContextParameters tls = new SSLContextParameters();
            tls.setTrustManagers(trust);
            CountComponent count = demoComponent();
            count.setSslContextParameters(tls);
            misconfigured.addComponent("count", count);

            assertThatThrownBy(() -> startWithRoute(misconfigured))
                    .hasStackTraceContaining("sslContextParameters cannot make a TLS context");
        }
    }

    private static void startWithRoute(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("count:invoices?operation=get");
            }
        });
        context.start();
    }
}
