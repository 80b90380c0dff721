package io.camelcount.component;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One replica of {@link ClusterOfJvmsTest}, started in its own JVM: a Camel context whose {@code count:} endpoint
 * keeps the demo client's tokens and rate window in the cluster's database, making {@code <calls>} calls one after
 * the other, as fast as its rate permits let it.
 * <p>
 * Arguments: {@code <jdbcUrl> <baseUrl> <rateLimit> <rateLimitWindowMillis> <tokenRefreshMarginMillis> <calls>}.
 * Prints {@code CALLED <n>} after each successful call and {@code DONE} at the end; a failed call prints
 * {@code FAILED <exception>} and ends the JVM with status 1.
 */
public final class ClusterOfJvmsChild {

    private ClusterOfJvmsChild() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(args[0]);
        CountComponent count = new CountComponent();
        count.getConfiguration().setBaseUrl(args[1]);
        count.getConfiguration().setClientId("demo-client");
        count.getConfiguration().setClientSecret("demo-secret");
        count.getConfiguration().setAccessToken("demo-access-token");
        count.getConfiguration().setRefreshToken("demo-refresh-token");
        count.getConfiguration().setRateLimit(Integer.parseInt(args[2]));
        count.getConfiguration().setRateLimitWindow(Long.parseLong(args[3]));
        count.getConfiguration().setTokenRefreshMargin(Long.parseLong(args[4]));
        count.getConfiguration().setDataSource(database);
        int calls = Integer.parseInt(args[5]);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent("count", count);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (int n = 1; n <= calls; n++) {
                Exchange exchange = template.request("count:customers?operation=get",
                        e -> e.getMessage().setHeader(CountConstants.UUID, MockCountTestSupport.ACME));
                if (exchange.getException() != null) {
                    System.out.println("FAILED " + exchange.getException());
                    System.out.flush();
                    System.exit(1);
                }
                System.out.println("CALLED " + n);
                System.out.flush();
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }
}
