package io.camelcount.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An option that cannot work stops the route from starting, with a message that names the option, its value
 * and what it should be, rather than being ignored or failing on the first message.
 */
class EndpointOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "paginate=everything        | option paginate is 'everything' for invoices/list; it must be one (a Page) or all",
            "rateLimit=-1               | option rateLimit is '-1' for invoices/list; it must be a whole number of requests",
            "rateLimitWindow=0          | option rateLimitWindow is '0' for invoices/list; it must be a whole number of milliseconds from 1",
            "maxRetries=-2              | option maxRetries is '-2'",
            "retryBackoff=-500          | option retryBackoff is '-500'",
            "maxRetryAfter=-1           | option maxRetryAfter is '-1'",
            "tokenRefreshMargin=-1      | option tokenRefreshMargin is '-1'",
            "duplicateInvoiceNumber=ignore | option duplicateInvoiceNumber is 'ignore' for invoices/list; it must be fail (a CountConflictException) or answerExisting",
            "baseUrl=api.getcount.com   | option baseUrl is 'api.getcount.com' for invoices/list; it must be an http(s) URL",
    })
    void anOptionThatCannotWorkStopsTheRouteFromStarting(String option, String message) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            CountComponent count = new CountComponent();
            count.getConfiguration().setClientId("demo-client");
            count.getConfiguration().setClientSecret("demo-secret");
            count.getConfiguration().setAccessToken("demo-access-token");
            camel.addComponent("count", count);

            assertThatThrownBy(() -> {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:list").to("count:invoices?operation=list&" + option);
                    }
                });
                camel.start();
            }).hasStackTraceContaining("The count: " + message);
        }
    }
}
