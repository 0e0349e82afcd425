package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds a revision by what a user typed: an exact id or branch label first, else an unambiguous
 * prefix of an id or label longer than three characters, as Alembic matches partial ids.
 */
final class IdLookup {

    private final RevisionGraph graph;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> labels;
    /** Every id and label, sorted, so the names a prefix starts are one run. */
    private final String[] sortedKeys;

    IdLookup(RevisionGraph graph, Map<String, Integer> positions, Map<String, Integer> labels) {
        this.graph = graph;
        this.positions = positions;
        this.labels = labels;
        var keys = new ArrayList<String>(positions.keySet());
        keys.addAll(labels.keySet());
        sortedKeys = keys.toArray(String[]::new);
        Arrays.sort(sortedKeys);
    }

    /**
     * The position an identifier names, among the revisions of {@code within} only when it is not null.
     *
     * @throws GraphException.UnknownRevision when nothing matches
     * @throws GraphException.AmbiguousRevision when a prefix matches several revisions
     */
    int resolve(String identifier, BitSet within) {
        Integer exact = positions.get(identifier);
        if (exact == null) {
            exact = labels.get(identifier);
        }
        if (exact != null) {
            return exact;
        }
        int from = Arrays.binarySearch(sortedKeys, identifier);
        from = from >= 0 ? from : -from - 1;
        var candidates = new LinkedHashSet<Integer>();
        for (int i = from; i < sortedKeys.length && sortedKeys[i].startsWith(identifier); i++) {
            if (sortedKeys[i].length() >= RevisionIds.MIN_PREFIX_MATCH_LENGTH) {
                Integer p = positions.containsKey(sortedKeys[i]) ? positions.get(sortedKeys[i]) : labels.get(sortedKeys[i]);
                if (within == null || within.get(p)) {
                    candidates.add(p);
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        if (candidates.size() > 1) {
            throw new GraphException.AmbiguousRevision(identifier, candidates.stream().map(graph::id).sorted().toList());
        }
        throw new GraphException.UnknownRevision(identifier,
                identifier.length() < RevisionIds.MIN_PREFIX_MATCH_LENGTH && !identifier.isEmpty()
                        ? "a partial id needs at least " + RevisionIds.MIN_PREFIX_MATCH_LENGTH + " characters"
                        : Suggestions.closest(identifier, List.of(sortedKeys)).map(n -> "did you mean '" + n + "'?")
                                .orElse(""));
    }
}
