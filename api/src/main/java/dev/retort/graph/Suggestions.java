package dev.retort.graph;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for a mistyped revision id or label: the one rule the processor (an unknown
 * {@code revises}) and the runtime (an unknown target) both apply.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The known name nearest to {@code missing}, when it is one edit away (two for names of eight
     * characters or more): close enough to be a typo, not a different revision.
     */
    public static Optional<String> closest(String missing, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(missing, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(2, missing.length() / 4))
                ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, in two rows of memory. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
