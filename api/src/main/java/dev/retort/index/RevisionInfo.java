package dev.retort.index;

import java.util.List;
import java.util.Objects;

/**
 * What the graph and the commands need to know about a revision, without loading its class.
 *
 * @param id the revision id
 * @param revises parent ids, in declaration order (empty for a base)
 * @param message the revision's message, possibly empty
 * @param branchLabels labels declared on this revision
 * @param dependsOn revisions or labels that must be applied first without being parents
 * @param transactional whether the migration runs inside a transaction
 * @param className the migration's binary class name, for messages ({@code ""} when unknown)
 */
public record RevisionInfo(
        String id,
        List<String> revises,
        String message,
        List<String> branchLabels,
        List<String> dependsOn,
        boolean transactional,
        String className) {

    public RevisionInfo {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        message = Objects.requireNonNullElse(message, "");
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        className = Objects.requireNonNullElse(className, "");
    }

    /** A revision with parents only, as graph tests and hand-built graphs need. */
    public static RevisionInfo of(String id, String... revises) {
        return new RevisionInfo(id, List.of(revises), "", List.of(), List.of(), true, "");
    }

    public RevisionInfo withMessage(String newMessage) {
        return new RevisionInfo(id, revises, newMessage, branchLabels, dependsOn, transactional, className);
    }

    public RevisionInfo withBranchLabels(String... labels) {
        return new RevisionInfo(id, revises, message, List.of(labels), dependsOn, transactional, className);
    }

    public RevisionInfo withDependsOn(String... ids) {
        return new RevisionInfo(id, revises, message, branchLabels, List.of(ids), transactional, className);
    }

    public boolean isBase() {
        return revises.isEmpty();
    }

    public boolean isMergePoint() {
        return revises.size() > 1;
    }
}
