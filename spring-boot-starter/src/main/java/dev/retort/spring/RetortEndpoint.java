package dev.retort.spring;

import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.jdbc.HistoryEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/retort}: the migrations the application has, the database's version rows and
 * its history table. Reads only; the same annotations on Spring Boot 3.5 and 4.0.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

    private final Retort retort;

    public RetortEndpoint(Retort retort) {
        this.retort = retort;
    }

    @ReadOperation
    public RetortDescriptor retort() {
        var graph = retort.graph();
        var newestFirst = new ArrayList<>(graph.topologicalOrder());
        Collections.reverse(newestFirst);
        List<RevisionDescriptor> revisions = newestFirst.stream()
                .map(id -> RevisionDescriptor.of(graph.get(id), graph.isHead(id))).toList();
        Retort.Status status = retort.status();
        return new RetortDescriptor(retort.database(), status.current(), status.heads(), status.pending(), revisions,
                retort.history());
    }

    /**
     * What the endpoint returns.
     *
     * @param current the revisions the database is at (empty at base)
     * @param revisions every revision, newest first
     * @param history the history table, oldest step first
     */
    public record RetortDescriptor(String database, List<String> current, List<String> heads, List<String> pending,
            List<RevisionDescriptor> revisions, List<HistoryEntry> history) {
    }

    /** One revision as the code declares it. */
    public record RevisionDescriptor(String id, List<String> revises, String message, List<String> branchLabels,
            List<String> dependsOn, boolean head) {

        static RevisionDescriptor of(RevisionInfo info, boolean head) {
            return new RevisionDescriptor(info.id(), info.revises(), info.message(), info.branchLabels(), info.dependsOn(),
                    head);
        }
    }
}
