package io.camelcount.benchmarks;

/** What every benchmark says after its table. */
final class Reports {

    private Reports() {
    }

    /** A figure made of failed calls would flatter nobody: errors are printed, never hidden. */
    static void errors(Interleaved.Results results) {
        results.totals().values().stream().filter(result -> result.errors() > 0).forEach(result ->
                System.out.printf("  %s: %d errors of %d calls; first: %s%n", result.name(), result.errors(),
                        result.calls() + result.errors(), result.firstError()));
    }
}
