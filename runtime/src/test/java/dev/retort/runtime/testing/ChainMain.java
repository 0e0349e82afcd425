package dev.retort.runtime.testing;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.INTEGER;
import static dev.retort.schema.SqlType.TEXT;

import dev.retort.index.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.StepListener;
import dev.retort.runtime.StepResult;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

/**
 * A process that upgrades a database to head, for the tests that start many at once or kill one
 * midway: {@code java ChainMain URL quick|long}. Prints {@code start <revision>} before each step
 * and {@code done <heads>} at the end; exits 0, or 1 with the error's message.
 */
public final class ChainMain {

    private ChainMain() {
    }

    /** The chains: revision ids in order, for the tests to check the history against. */
    public static final List<String> QUICK = List.of("q1", "q2", "q3");
    public static final List<String> LONG = List.of("l1", "l2", "l3", "l4");

    public static InlineIndex quick() {
        return new InlineIndex()
                .add("q1", null, op -> op.createTable("account", t -> t
                        .column("id", BIGINT, c -> c.primaryKey().identity())
                        .column("name", TEXT, c -> c.notNull())))
                .add("q2", "q1", op -> {
                    op.addColumn("account", "email", TEXT);
                    op.createIndex("ix_account_email", "account", "email");
                    op.bulkInsert("account", r -> r.columns("name", "email").row("ada", "ada@example.com"));
                })
                .add("q3", "q2", op -> {
                    op.createTable("login", t -> t
                            .column("id", BIGINT, c -> c.primaryKey().identity())
                            .column("account_id", BIGINT, c -> c.notNull().references("account", "id")));
                    op.execute("UPDATE account SET name = upper(name)", "UPDATE account SET name = lower(name)");
                });
    }

    /** Long enough to be killed inside: a data migration of 200,000 rows, then a table rebuild, then an index. */
    public static InlineIndex longChain() {
        return new InlineIndex()
                .add("l1", null, op -> op.createTable("item", t -> t
                        .column("id", BIGINT, c -> c.primaryKey())
                        .column("n", INTEGER, c -> c.notNull())
                        .column("label", TEXT)))
                .add("l2", "l1", op -> op.run("fill 200,000 items", c -> {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO item (id, n, label) VALUES (?, ?, ?)")) {
                        for (int i = 1; i <= 200_000; i++) {
                            s.setLong(1, i);
                            s.setInt(2, i % 1000);
                            s.setString(3, "item " + i);
                            s.addBatch();
                            if (i % 1000 == 0) {
                                s.executeBatch();
                            }
                        }
                    }
                }, c -> { }))
                .add("l3", "l2", op -> op.batchAlterTable("item", b -> b
                        .alterColumn("label", a -> a.notNull().existingNullable(true))
                        .addColumn("flag", INTEGER, col -> col.notNull().serverDefault(0))))
                .add(new RevisionInfo("l4", List.of("l3"), "", List.of(), List.of(), true, ""),
                        op -> op.createIndex("ix_item_n", "item", "n"));
    }

    public static void main(String[] args) {
        String url = args[0];
        InlineIndex index = args[1].equals("long") ? longChain() : quick();
        try {
            RunResult result = Retort.configure().url(url).indexes(List.of(index)).lockTimeout(Duration.ofSeconds(120))
                    .listener(new StepListener() {
                        @Override
                        public void starting(String revision, String message, int number, int total) {
                            System.out.println("start " + revision);
                            System.out.flush();
                        }

                        @Override
                        public void finished(StepResult step, int number, int total) {
                            System.out.println("committed " + step.revision());
                            System.out.flush();
                        }
                    })
                    .build().upgrade("head");
            System.out.println("done " + String.join(",", result.headsAfter()) + " ran " + result.steps().size());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("failed: " + e.getMessage());
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
