package io.camelcount.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures contenders in short alternating rounds (A B, B A, A B, ...) on one closed loop, so that load from
 * elsewhere on the machine, JIT and GC drift fall on all of them alike. Each is warmed up first, twice. Besides the
 * totals, the median of each round's ratio of the first contender to each of the others is kept: a burst of outside
 * load hits one round, not the median.
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

    /** The totals of each contender, and the median per-round ratio of the first to each of the others. */
    record Results(Map<String, Throughput> totals, Map<String, Double> medianRoundRatios) {

        Throughput get(String name) {
            return totals.get(name);
        }

        /** The median ratio of the first contender to the second. */
        double medianRoundRatio() {
            return medianRoundRatios.values().iterator().next();
        }

        double medianRoundRatio(String anchor) {
            return medianRoundRatios.get(anchor);
        }
    }

    /** @param contenders in order: the first is the one measured, the others its anchors */
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
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        names.subList(1, names.size()).forEach(anchor -> ratios.put(anchor, new ArrayList<>()));
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
            for (Map.Entry<String, List<Double>> anchor : ratios.entrySet()) {
                double ratio = thisRound.get(names.get(0)).perSecond() / thisRound.get(anchor.getKey()).perSecond();
                anchor.getValue().add(ratio);
                line.append(String.format("   ratio %.2f", ratio));
            }
            System.out.println(line);
        }
        Throughput measured = totals.get(names.get(0));
        Map<String, Double> medians = new LinkedHashMap<>();
        ratios.forEach((name, anchorRatios) -> {
            double median = anchorRatios.stream().sorted().toList().get(anchorRatios.size() / 2);
            medians.put(name, median);
            Throughput anchor = totals.get(name);
            System.out.printf("  %s %.0f/s, %s %.0f/s: ratio of totals %.2f, median of rounds %.2f%n", measured.name(),
                    measured.perSecond(), anchor.name(), anchor.perSecond(), measured.perSecond() / anchor.perSecond(),
                    median);
        });
        for (Throughput total : totals.values()) {
            System.out.printf("  CPU per call, %s: %.0f us in the calling threads, %.0f us in the whole JVM%n",
                    total.name(), total.callerCpuMicros(), total.processCpuMicros());
        }
        return new Results(totals, medians);
    }

    private static String errors(Throughput result) {
        return result.errors() == 0 ? "" : " (" + result.errors() + " errors, first: " + result.firstError() + ")";
    }
}
