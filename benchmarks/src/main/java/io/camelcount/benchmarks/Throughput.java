package io.camelcount.benchmarks;

/**
 * What one contender achieved, summed over its rounds.
 *
 * @param callerCpuNanos  CPU time of the threads making the calls
 * @param processCpuNanos CPU time of the whole JVM meanwhile
 */
record Throughput(String name, long calls, double seconds, long errors, Throwable firstError, long callerCpuNanos,
                  long processCpuNanos) {

    static Throughput none(String name) {
        return new Throughput(name, 0, 0, 0, null, 0, 0);
    }

    /** Microseconds of the callers' CPU per successful call. */
    double callerCpuMicros() {
        return calls == 0 ? 0 : callerCpuNanos / 1e3 / calls;
    }

    /** Microseconds of the whole JVM's CPU per successful call. */
    double processCpuMicros() {
        return calls == 0 ? 0 : processCpuNanos / 1e3 / calls;
    }

    double perSecond() {
        return seconds == 0 ? 0 : calls / seconds;
    }

    Throughput plus(Throughput round) {
        return new Throughput(name, calls + round.calls, seconds + round.seconds, errors + round.errors,
                firstError != null ? firstError : round.firstError, callerCpuNanos + round.callerCpuNanos,
                processCpuNanos + round.processCpuNanos);
    }
}
