package dev.retort.runtime.testing;

import dev.retort.Migration;
import dev.retort.index.MigrationIndex;
import dev.retort.index.RevisionInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written index, for tests that need a graph but not the processor: the same contract the
 * generated index implements, with migrations as lambdas.
 */
public final class InlineIndex implements MigrationIndex {

    private final List<RevisionInfo> revisions = new ArrayList<>();
    private final List<Migration> migrations = new ArrayList<>();

    public InlineIndex add(RevisionInfo revision, Migration migration) {
        revisions.add(revision);
        migrations.add(migration);
        return this;
    }

    public InlineIndex add(String id, String parent, Migration migration) {
        return add(parent == null ? RevisionInfo.of(id) : RevisionInfo.of(id, parent), migration);
    }

    @Override
    public List<RevisionInfo> revisions() {
        return List.copyOf(revisions);
    }

    @Override
    public Migration newMigration(int position) {
        return migrations.get(position);
    }
}
