package dev.retort.runtime.ops;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.dsl.Ops;
import dev.retort.graph.Direction;
import dev.retort.graph.Plan;
import dev.retort.graph.Step;
import dev.retort.index.RevisionInfo;
import dev.retort.op.Op;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.runtime.index.MigrationSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Records, renders and checksums the steps of a plan. */
public final class StepPreparer {

    private final MigrationSet migrations;
    private final Dialect dialect;
    private final RenderContext context;

    public StepPreparer(MigrationSet migrations, Dialect dialect, RenderContext context) {
        this.migrations = migrations;
        this.dialect = dialect;
        this.context = context;
    }

    public List<PreparedStep> prepare(Plan plan) {
        var prepared = new ArrayList<PreparedStep>(plan.steps().size());
        for (Step step : plan.steps()) {
            prepared.add(prepare(step));
        }
        return prepared;
    }

    private PreparedStep prepare(Step step) {
        RevisionInfo revision = migrations.graph().get(step.revision());
        List<Op> ops = record(step.direction(), revision);
        var actions = new ArrayList<Action>();
        for (Op op : ops) {
            if (op.needsNoTransaction() && revision.transactional()) {
                throw new RetortException(ErrorCode.INVALID_OP, "revision " + revision.id() + ": " + op.describe()
                        + " cannot run inside a transaction; declare the revision @Revision(transactional = false)"
                        + " (and keep such ops in a revision of their own)");
            }
            try {
                actions.addAll(dialect.render(op, context));
            } catch (RetortException e) {
                throw new RetortException(e.code(), "revision " + revision.id() + ": " + e.getMessage(), e);
            }
        }
        return new PreparedStep(step, revision, ops, dialect.combine(actions), checksum(ops));
    }

    /** The checksum of a revision's upgrade as an upgrade records it in the history table, without rendering. */
    public String upgradeChecksum(String revisionId) {
        return checksum(record(Direction.UPGRADE, migrations.graph().get(revisionId)));
    }

    private List<Op> record(Direction direction, RevisionInfo revision) {
        Migration migration = migrations.newMigration(revision.id());
        var ops = new Ops();
        String method = direction == Direction.UPGRADE ? "upgrade()" : "downgrade()";
        try {
            if (direction == Direction.UPGRADE) {
                migration.upgrade(ops);
            } else {
                migration.downgrade(ops);
            }
        } catch (RetortException e) {
            throw new RetortException(e.code(), "revision " + revision.id() + " " + method + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RetortException(ErrorCode.MIGRATION_CODE_FAILED, "revision " + revision.id() + " ("
                    + revision.className() + ") " + method + " failed before anything ran: " + e, e);
        }
        return ops.recorded();
    }

    /**
     * SHA-256 of the ops' canonical text (the records' values), so reformatting a migration or
     * renaming a local variable changes nothing, while changing any op does.
     */
    public static String checksum(List<Op> ops) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (Op op : ops) {
                digest.update(op.toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
