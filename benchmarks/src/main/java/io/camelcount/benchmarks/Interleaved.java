package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures contenders in short alternating rounds (A B, B A, A B, ...) on one closed loop, so that load from
 * elsewhere on the machine, JIT and GC drift fall on all of them alike. Each is warmed up first, twice. Besides the
 * totals, the median of each round's ratio of the first contender to the second is kept: a burst of outside load
 * hits one round pair, not the median.
 */
final class Interleaved {

    private final ClosedLoop loop;
    private final Duration warmUp;
    private final Duration round;
    private final int rounds;

    Interleaved(ClosedLoop loop, Duration warmUp, Duration round, int rounds) {
        this.loop = loop;
        this.warmUp = warmUp;
        this.round = round;
        this.rounds = rounds;
    }

    /** The totals of each contender, and the median per-round ratio of the first to the second. */
    record Results(Map<String, Throughput> totals, double medianRoundRatio) {

        Throughput get(String name) {
            return totals.get(name);
        }
    }

    /** @param contenders in order: the first is the one measured, the second its anchor */
    Results measure(Map<String, Call> contenders) throws InterruptedException {
        List<String> names = new ArrayList<>(contenders.keySet());
        Map<String, Throughput> totals = new LinkedHashMap<>();
        // Twice each, alternating: the deeper the code, the longer the JIT takes to finish with it.
        for (int pass = 0; pass < 2; pass++) {
            for (String name : names) {
                Throughput warm = loop.run(name, contenders.get(name), warmUp);
                System.out.printf("  warm-up %-28s %10.0f calls/s%s%n", name, warm.perSecond(), errors(warm));
                totals.put(name, Throughput.none(name));
            }
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder(String.format("  round %2d/%d", r + 1, rounds));
            Map<String, Throughput> thisRound = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((r + i) % names.size());
                Throughput result = loop.run(name, contenders.get(name), round);
                thisRound.put(name, result);
                totals.merge(name, result, Throughput::plus);
                line.append(String.format("   %s %.0f/s%s", name, result.perSecond(), errors(result)));
            }
            double ratio = thisRound.get(names.get(0)).perSecond() / thisRound.get(names.get(1)).perSecond();
            ratios.add(ratio);
            System.out.println(line.append(String.format("   ratio %.2f", ratio)));
        }
        double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
        Throughput measured = totals.get(names.get(0));
        Throughput anchor = totals.get(names.get(1));
        System.out.printf("  %s %.0f/s, %s %.0f/s: ratio of totals %.2f, median of rounds %.2f%n", measured.name(),
                measured.perSecond(), anchor.name(), anchor.perSecond(), measured.perSecond() / anchor.perSecond(), median);
        for (Throughput total : List.of(measured, anchor)) {
            System.out.printf("  CPU per call, %s: %.0f us in the calling threads, %.0f us in the whole JVM%n",
                    total.name(), total.callerCpuMicros(), total.processCpuMicros());
        }
        return new Results(totals, median);
    }

    private static String errors(Throughput result) {
        return result.errors() == 0 ? "" : " (" + result.errors() + " errors, first: " + result.firstError() + ")";
    }
}
