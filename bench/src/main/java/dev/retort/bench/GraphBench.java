package dev.retort.bench;

import dev.retort.graph.Plan;
import dev.retort.graph.RevisionGraph;
import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The revision graph at scale, in process: builds a graph of N revisions (default 10,000) shaped
 * like a team's history (a main line; every 100 revisions a branch of 50 starts and is merged back,
 * so 100 branch points and 100 merge points per 10,000), then times building the graph (with every
 * check the runtime makes), its heads, the full history and the plan from base to heads; then the
 * same at ten times the size. Targets: under 100 ms in total at 10,000, and 10x the revisions at
 * most 12x the time.
 *
 * <pre>bench/run GraphBench [revisions] [measured rounds]</pre>
 */
public final class GraphBench {

    private GraphBench() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 31;
        List<RevisionInfo> small = generate(size);
        List<RevisionInfo> large = generate(size * 10);
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            measure(small);
            measure(large);
        }
        double[] smallTimes = new double[rounds];
        double[] largeTimes = new double[rounds];
        long[] phases = new long[4];
        for (int r = 0; r < rounds; r++) {
            System.gc(); // a collection left over from the other size would be charged to this one
            long[] s = measure(small);
            smallTimes[r] = (s[0] + s[1] + s[2] + s[3]) / 1e6;
            for (int p = 0; p < 4; p++) {
                phases[p] += s[p];
            }
            System.gc();
            long[] l = measure(large);
            largeTimes[r] = (l[0] + l[1] + l[2] + l[3]) / 1e6;
        }
        double a = median(smallTimes);
        double b = median(largeTimes);
        double bestA = Arrays.stream(smallTimes).min().orElseThrow();
        double bestB = Arrays.stream(largeTimes).min().orElseThrow();
        System.out.printf(Locale.ROOT, "%,d revisions: median %.1f ms in total (build %.1f, heads %.3f, history %.1f,"
                + " plan %.1f; means over %d rounds)%n", size, a, phases[0] / 1e6 / rounds, phases[1] / 1e6 / rounds,
                phases[2] / 1e6 / rounds, phases[3] / 1e6 / rounds, rounds);
        System.out.printf(Locale.ROOT, "%,d revisions: median %.1f ms in total%n", size * 10, b);
        System.out.printf(Locale.ROOT, "10x the revisions took %.1fx the time by medians, %.1fx by best runs (%.1f / %.1f ms)"
                + " (target: at most 12x); %s the 100 ms target%n", b / a, bestB / bestA, bestB, bestA,
                a < 100 ? "within" : "OVER");
    }

    /** Nanoseconds for: building, heads, full history, base-to-heads plan. */
    static long[] measure(List<RevisionInfo> revisions) {
        long t0 = System.nanoTime();
        RevisionGraph graph = RevisionGraph.of(revisions);
        long t1 = System.nanoTime();
        List<String> heads = graph.heads();
        long t2 = System.nanoTime();
        List<String> history = graph.history(":", List.of());
        long t3 = System.nanoTime();
        Plan plan = graph.upgrade(List.of(), "heads");
        long t4 = System.nanoTime();
        if (heads.size() != 1 || history.size() != revisions.size() || plan.steps().size() != revisions.size()) {
            throw new IllegalStateException("unexpected graph: " + heads.size() + " heads");
        }
        return new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
    }

    /**
     * Blocks of 100: revisions 0 to 49 of a block follow each other; 50 to 98 branch off at 49;
     * 99 merges 49 and 98, and the next block starts on it.
     */
    static List<RevisionInfo> generate(int size) {
        var revisions = new ArrayList<RevisionInfo>(size);
        for (int i = 0; i < size; i++) {
            int inBlock = i % 100;
            List<String> parents = i == 0 ? List.of()
                    : inBlock == 99 ? List.of(id(i - 50), id(i - 1))
                    : List.of(id(i - 1));
            revisions.add(new RevisionInfo(id(i), parents, "revision " + i, List.of(), List.of(), true, "bench.M" + i));
        }
        return revisions;
    }

    private static String id(int i) {
        return String.format("r%07d", i);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
