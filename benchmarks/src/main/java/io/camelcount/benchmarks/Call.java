package io.camelcount.benchmarks;

/** One operation a load generator repeats; throwing counts as an error. */
@FunctionalInterface
interface Call {

    void run() throws Exception;
}
