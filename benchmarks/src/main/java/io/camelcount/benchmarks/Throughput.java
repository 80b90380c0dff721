package io.camelcount.benchmarks;

/** What one contender achieved, summed over its rounds. */
record Throughput(String name, long calls, double seconds, long errors, Throwable firstError) {

    static Throughput none(String name) {
        return new Throughput(name, 0, 0, 0, null);
    }

    double perSecond() {
        return seconds == 0 ? 0 : calls / seconds;
    }

    Throughput plus(Throughput round) {
        return new Throughput(name, calls + round.calls, seconds + round.seconds, errors + round.errors,
                firstError != null ? firstError : round.firstError);
    }
}
