package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.RevisionGraph;
import java.util.List;

/**
 * The {@code [from:]to} of offline SQL: where the script starts (no database to read it from)
 * and where it goes.
 *
 * @param from the version rows the script starts from (empty for base)
 */
record OfflineRange(List<String> from, String to) {

    /**
     * @param defaultFrom what {@code from} is when the range gives none, or {@code null} when it must
     */
    static OfflineRange parse(String range, RevisionGraph graph, String defaultFrom, String command) {
        int colon = range.indexOf(':');
        if (colon != range.lastIndexOf(':')) {
            throw new RetortException(ErrorCode.INVALID_TARGET, command + " --sql '" + range + "': give one range, from:to");
        }
        String fromText = colon < 0 ? defaultFrom : range.substring(0, colon);
        String to = colon < 0 ? range : range.substring(colon + 1);
        if (fromText == null) {
            throw new RetortException(ErrorCode.INVALID_TARGET, command + " --sql needs where the database starts, as"
                    + " from:to (for example head:base); offline there is no database to read it from");
        }
        if (fromText.isBlank() || to.isBlank()) {
            throw new RetortException(ErrorCode.INVALID_TARGET, command + " --sql '" + range + "': both ends of from:to"
                    + " must be revisions");
        }
        List<String> from = fromText.equals("base") ? List.of() : graph.resolve(fromText, List.of());
        return new OfflineRange(from, to);
    }
}
