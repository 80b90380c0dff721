package io.camelcount.benchmarks;

import javax.sql.DataSource;

import io.camelcount.component.CountComponent;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context whose {@code count:} component calls {@code baseUrl} as the demo workspace's partner app. */
final class CountCamel {

    private CountCamel() {
    }

    /**
     * @param rateLimit requests per window for the client ID; 0 turns the component's limiter off
     */
    static CamelContext start(String baseUrl, int rateLimit, long rateLimitWindowMillis, RoutesBuilder... routes)
            throws Exception {
        return start(baseUrl, rateLimit, rateLimitWindowMillis, null, routes);
    }

    /**
     * @param cluster the component's {@code dataSource} (cluster mode), or null for a limiter in this JVM only
     */
    static CamelContext start(String baseUrl, int rateLimit, long rateLimitWindowMillis, DataSource cluster,
                              RoutesBuilder... routes) throws Exception {
        CountComponent count = new CountComponent();
        count.getConfiguration().setBaseUrl(baseUrl);
        count.getConfiguration().setClientId(DemoWorkspace.CLIENT_ID);
        count.getConfiguration().setClientSecret(DemoWorkspace.CLIENT_SECRET);
        count.getConfiguration().setAccessToken(DemoWorkspace.ACCESS_TOKEN);
        count.getConfiguration().setRateLimit(rateLimit);
        count.getConfiguration().setRateLimitWindow(rateLimitWindowMillis);
        count.getConfiguration().setDataSource(cluster);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("count", count);
        for (RoutesBuilder route : routes) {
            camel.addRoutes(route);
        }
        camel.start();
        return camel;
    }

    /** Without a limiter: for throughput, where COUNT's 100 a minute would be all that is measured. */
    static CamelContext unlimited(String baseUrl, RoutesBuilder... routes) throws Exception {
        return start(baseUrl, 0, 60_000, routes);
    }
}
