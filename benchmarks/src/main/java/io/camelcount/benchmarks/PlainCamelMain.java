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
        // Not Main(PlainCamelMain.class): that scans this package, whose other benchmarks hold route builders.
        Main main = new Main();
        // The jar also carries the demo's application.properties, which would load the demo's routes.
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().withName("plain-camel");
        main.configure().addRoutesBuilder(HelloRoute.class);
        main.run(args);
    }

    /** Public: Camel Main makes it by reflection. */
    public static final class HelloRoute extends RouteBuilder {

        @Override
        public void configure() {
            from("direct:hello").log("hello");
        }
    }
}
