package io.camelcount.benchmarks;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The anchor of the demo's start-up: Camel Main with a single route and nothing of COUNT, launched from the same
 * jar with the same logging, so the difference is what the demo adds (the embedded mock, the YAML routes, the
 * component).
 */
public final class PlainCamelMain {

    private PlainCamelMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(PlainCamelMain.class);
        // The jar also carries the demo's application.properties, which would load the demo's routes.
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().withName("plain-camel");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hello").log("hello");
            }
        });
        main.run(args);
    }
}
