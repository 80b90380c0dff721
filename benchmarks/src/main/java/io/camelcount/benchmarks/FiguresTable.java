package io.camelcount.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** The figures of a run as a Markdown table, ready for docs/PERFORMANCE.md. */
final class FiguresTable {

    private static final String[] HEADER = {"figure", "measured", "anchor", "ratio", "target", "verdict"};
    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Figures taken on a loaded machine say so: the 1-minute load average when the table was begun. */
    private final double loadAtStart = loadAverage();

    FiguresTable(String title) {
        this.title = title;
    }

    /** A ratio with a target: PASS when the ratio reaches it. */
    FiguresTable ratio(String figure, String measured, String anchor, double ratio, double atLeast) {
        return row(figure, measured, anchor, String.format("%.3f", ratio), String.format(">= %.2f", atLeast),
                ratio >= atLeast ? "PASS" : "MISS");
    }

    /** A ratio with a ceiling: PASS when the ratio stays at or under it. */
    FiguresTable ratioAtMost(String figure, String measured, String anchor, double ratio, double atMost) {
        return row(figure, measured, anchor, String.format("%.3f", ratio), String.format("<= %.2f", atMost),
                ratio <= atMost ? "PASS" : "MISS");
    }

    /** A ratio reported for information: the issue sets no target for it. */
    FiguresTable ratio(String figure, String measured, String anchor, double ratio) {
        return row(figure, measured, anchor, String.format("%.3f", ratio), "-", "-");
    }

    FiguresTable row(String figure, String measured, String anchor, String ratio, String target, String verdict) {
        rows.add(new String[] {figure, measured, anchor, ratio, target, verdict});
        return this;
    }

    /** A line printed under the table. */
    FiguresTable note(String note) {
        notes.add(note);
        return this;
    }

    void print() {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        System.out.println();
        System.out.println("## " + title);
        System.out.println();
        for (int r = 0; r < all.size(); r++) {
            System.out.println(line(all.get(r), widths));
            if (r == 0) {
                String[] rule = new String[HEADER.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                System.out.println(line(rule, widths));
            }
        }
        notes.forEach(System.out::println);
        System.out.printf("1-minute load average: %.1f at the start, %.1f at the end (%d cores).%n", loadAtStart,
                loadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.println();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
        }
        return line.toString();
    }

    static String perSecond(Throughput throughput) {
        return String.format("%,.0f/s", throughput.perSecond());
    }
}
