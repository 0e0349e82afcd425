package dev.retort.runtime.ops;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.OnlineSafe;
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
import dev.retort.schema.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Records, renders and checksums the steps of a plan. */
public final class StepPreparer {

    private final MigrationSet migrations;
    private final Dialect dialect;
    private final RenderContext context;
    private final java.util.function.Predicate<TableName> refusesOnlineSafe;
    /** Each migration's own {@code @OnlineSafe}, read once: a run asks before it prepares a step, and again as it does. */
    private final java.util.Map<String, java.util.Optional<Duration>> askedByMigration = new java.util.HashMap<>();

    public StepPreparer(MigrationSet migrations, Dialect dialect, RenderContext context) {
        this(migrations, dialect, context, table -> false);
    }

    private StepPreparer(MigrationSet migrations, Dialect dialect, RenderContext context,
            java.util.function.Predicate<TableName> refusesOnlineSafe) {
        this.migrations = migrations;
        this.dialect = dialect;
        this.context = context;
        this.refusesOnlineSafe = refusesOnlineSafe;
    }

    /**
     * The same, told by the database which tables the online-safe statements do not work on, so it
     * renders those plain; offline, nothing is known and the safe statements are printed.
     */
    public StepPreparer knowing(java.util.function.Predicate<TableName> refusesOnlineSafe) {
        return new StepPreparer(migrations, dialect, context, refusesOnlineSafe);
    }

    /**
     * Every step of {@code plan}, prepared before any runs: for offline SQL, which prints a whole
     * script. An online run prepares each step just before it runs ({@link #prepare(Step)}).
     */
    public List<PreparedStep> prepare(Plan plan) {
        var prepared = new ArrayList<PreparedStep>(plan.steps().size());
        for (Step step : plan.steps()) {
            prepared.add(prepare(step));
        }
        return prepared;
    }

    /**
     * Records, renders and checksums one step.
     *
     * @throws RetortException naming the revision when its migration cannot record its ops or an
     *     op cannot be rendered for this dialect
     */
    public PreparedStep prepare(Step step) {
        RevisionInfo revision = revision(step);
        List<Op> ops = record(step.direction(), revision);
        Duration onlineSafe = onlineSafe(revision);
        return new PreparedStep(step, revision, ops, render(revision, ops, onlineSafe), checksum(ops),
                outsideTransaction(revision), onlineSafe != null);
    }

    /**
     * Whether the step runs statement by statement, outside a transaction: its revision says
     * {@code transactional = false}, or it is rendered online-safe (each statement commits, a
     * validation in its own transaction, indexes built concurrently).
     */
    public boolean outsideTransaction(Step step) {
        return outsideTransaction(revision(step));
    }

    private boolean outsideTransaction(RevisionInfo revision) {
        return !revision.transactional() || onlineSafe(revision) != null;
    }

    /** Whether the whole run is rendered online-safe ({@code --online-safe}) on a database that renders so. */
    public boolean onlineSafeRun() {
        return context.onlineSafe() != null && dialect.rendersOnlineSafe();
    }

    /** The {@code lock_timeout} the revision is rendered online-safe under, or {@code null}: the run's, or its migration's own. */
    private Duration onlineSafe(RevisionInfo revision) {
        if (!dialect.rendersOnlineSafe()) {
            return null;
        }
        if (context.onlineSafe() != null) {
            return context.onlineSafe();
        }
        return askedByMigration.computeIfAbsent(revision.id(), id -> {
            OnlineSafe asked = migrations.newMigration(id).getClass().getAnnotation(OnlineSafe.class);
            return java.util.Optional.ofNullable(asked).map(a -> Duration.ofSeconds(Math.max(1, a.lockTimeoutSeconds())));
        }).orElse(null);
    }

    /**
     * Records and renders one direction of a revision, running nothing, and throws as
     * {@link #prepare(Step)} would: {@code validate}'s dry check of what a run would do.
     */
    public void check(Direction direction, String revisionId) {
        RevisionInfo revision = migrations.graph().get(revisionId);
        render(revision, record(direction, revision), onlineSafe(revision));
    }

    /** The revision a step runs, without creating its migration. */
    public RevisionInfo revision(Step step) {
        return migrations.graph().get(step.revision());
    }

    private List<Action> render(RevisionInfo revision, List<Op> ops, Duration onlineSafe) {
        var actions = new ArrayList<Action>();
        RenderContext stepContext = onlineSafe == null ? context : context.withOnlineSafe(onlineSafe);
        Set<TableName> newTables = onlineSafe == null ? Set.of() : NewTables.of(ops, dialect.name());
        java.util.function.Predicate<TableName> plain = table -> newTables.contains(table) || refusesOnlineSafe.test(table);
        for (Op op : ops) {
            // Where DDL is not transactional (MySQL) every step runs outside a transaction already.
            if (op.needsNoTransaction() && revision.transactional() && dialect.transactionalDdl() && onlineSafe == null) {
                throw new RetortException(ErrorCode.INVALID_OP, "revision " + revision.id() + ": " + op.describe()
                        + " cannot run inside a transaction; declare the revision @Revision(transactional = false)"
                        + " (and keep such ops in a revision of their own)");
            }
            try {
                actions.addAll(onlineSafe == null ? dialect.render(op, context)
                        : dialect.renderOnlineSafe(op, stepContext, plain));
            } catch (RetortException e) {
                throw new RetortException(e.code(), "revision " + revision.id() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // A run stops at the step that cannot render; whatever the cause, the user must learn which one.
                throw new RetortException(ErrorCode.INVALID_OP, "revision " + revision.id() + ": " + op.describe()
                        + " cannot be rendered for " + dialect.name() + ": " + e, e);
            }
        }
        List<Action> combined = dialect.combine(actions);
        return onlineSafe == null ? combined : dialect.onlineSafeStep(combined, onlineSafe);
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
                    + revision.className() + ") " + method + " failed before any of its statements ran: " + e, e);
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
