package dev.retort.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** For {@link StartBench}: the runs of one workload, round by round, and their medians. */
final class StartResults {

    private final String title;
    private final List<String> variants;
    private final List<Map<String, StartRun>> rounds = new ArrayList<>();

    StartResults(String title, List<String> variants) {
        this.title = title;
        this.variants = variants;
    }

    void add(Map<String, StartRun> round) {
        rounds.add(new LinkedHashMap<>(round));
    }

    /** Each variant's medians, then each pair's medians of per-round ratios, {@code [numerator, denominator]}. */
    void print(List<String[]> pairs) {
        System.out.printf(Locale.ROOT, "%n%s: %d rounds, load average %s%n", title, rounds.size(), StartBench.loadAverage());
        System.out.printf(Locale.ROOT, "  %-12s %10s %10s %12s%n", "", "wall s", "CPU s", "peak RSS MiB");
        for (String variant : variants) {
            System.out.printf(Locale.ROOT, "  %-12s %10.3f %10.3f %12.1f%n", variant, median(variant, StartRun::wall),
                    median(variant, StartRun::cpu), median(variant, StartRun::rssMib));
        }
        System.out.printf(Locale.ROOT, "  %-26s %10s %10s %14s%n", "medians of per-round ratios", "CPU", "wall", "RSS difference");
        for (String[] pair : pairs) {
            System.out.printf(Locale.ROOT, "  %-26s %9.2fx %9.2fx %+11.1f MiB%n", pair[0] + " / " + pair[1],
                    ratio(pair, StartRun::cpu), ratio(pair, StartRun::wall), difference(pair, StartRun::rssMib));
        }
    }

    private double median(String variant, ToDoubleFunction<StartRun> value) {
        return median(rounds.stream().mapToDouble(round -> value.applyAsDouble(round.get(variant))).toArray());
    }

    private double ratio(String[] pair, ToDoubleFunction<StartRun> value) {
        return median(rounds.stream().mapToDouble(round -> value.applyAsDouble(round.get(pair[0]))
                / value.applyAsDouble(round.get(pair[1]))).toArray());
    }

    private double difference(String[] pair, ToDoubleFunction<StartRun> value) {
        return median(rounds.stream().mapToDouble(round -> value.applyAsDouble(round.get(pair[0]))
                - value.applyAsDouble(round.get(pair[1]))).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
