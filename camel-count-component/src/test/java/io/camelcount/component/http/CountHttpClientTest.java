package io.camelcount.component.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * When the client may decide once that requests go direct, instead of asking the JVM's ProxySelector for each one.
 */
class CountHttpClientTest {

    private static final Map<String, String> NO_PROPERTIES = Map.of();

    @Test
    void theJvmsOwnSelectorWithoutProxyPropertiesGoesDirect() {
        assumeTrue(System.getProperty("http.proxyHost") == null && System.getProperty("https.proxyHost") == null
                   && System.getProperty("socksProxyHost") == null, "this JVM has a proxy property");

        assertThat(CountHttpClient.jvmSetsNoProxy(ProxySelector.getDefault(), NO_PROPERTIES::get)).isTrue();
    }

    @Test
    void aProxyPropertyKeepsTheSelectorAskedForEveryRequest() {
        for (String property : List.of("http.proxyHost", "https.proxyHost", "socksProxyHost")) {
            Map<String, String> proxied = Map.of(property, "proxy.example");

            assertThat(CountHttpClient.jvmSetsNoProxy(ProxySelector.getDefault(), proxied::get)).as(property).isFalse();
        }
    }

    @Test
    void aSelectorTheApplicationInstalledIsAskedForEveryRequest() {
        ProxySelector direct = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        };

        assertThat(CountHttpClient.jvmSetsNoProxy(direct, NO_PROPERTIES::get)).isFalse();
        assertThat(CountHttpClient.jvmSetsNoProxy(null, NO_PROPERTIES::get)).isFalse();
    }
}
