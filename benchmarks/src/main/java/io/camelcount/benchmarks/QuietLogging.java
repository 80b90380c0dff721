package io.camelcount.benchmarks;

/**
 * The jar also carries the demo's INFO logging configuration; each benchmark's JVM picks its own WARN one
 * instead, before the first logger exists.
 */
final class QuietLogging {

    private QuietLogging() {
    }

    static void apply() {
        System.setProperty("log4j2.configurationFile",
                System.getProperty("log4j2.configurationFile", "benchmarks-log4j2.xml"));
    }
}
