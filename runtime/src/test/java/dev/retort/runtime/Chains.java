package dev.retort.runtime;

import static dev.retort.runtime.testing.Fixtures.migration;

/** Fixture chains the runtime's tests compile with the real processor. */
public final class Chains {

    private Chains() {
    }

    /** alpha (with a unique name and a timestamp default), beta referencing it with an index, a column with data. */
    public static String[] threeSteps() {
        return new String[] {
            migration("CreateAlpha", "a1000001").message("create alpha").upgrade(
                    "op.createTable(\"alpha\", t -> t"
                    + ".column(\"id\", BIGINT, c -> c.primaryKey().identity())"
                    + ".column(\"name\", varchar(50), c -> c.notNull().unique())"
                    + ".column(\"created_at\", TIMESTAMP_TZ, c -> c.notNull().serverDefault(now())));").toString(),
            migration("CreateBeta", "a1000002").revises("a1000001").message("create beta").upgrade(
                    "op.createTable(\"beta\", t -> t"
                    + ".column(\"id\", BIGINT, c -> c.primaryKey().identity())"
                    + ".column(\"alpha_id\", BIGINT, c -> c.notNull().references(\"alpha\", \"id\").onDelete(CASCADE))"
                    + ".column(\"note\", TEXT));"
                    + "op.createIndex(\"ix_beta_alpha_id\", \"beta\", \"alpha_id\");").toString(),
            migration("AddScore", "a1000003").revises("a1000002").message("add score").upgrade(
                    "op.addColumn(\"alpha\", \"score\", INTEGER, c -> c.notNull().serverDefault(0));"
                    + "op.execute(\"UPDATE alpha SET score = 1\", \"UPDATE alpha SET score = 0\");").toString(),
        };
    }

    /** Two good revisions and a third whose second statement fails. */
    public static String[] failingThird() {
        return new String[] {
            migration("First", "b1000001").message("first").upgrade(
                    "op.createTable(\"first_t\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));").toString(),
            migration("Second", "b1000002").revises("b1000001").message("second").upgrade(
                    "op.createTable(\"second_t\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));").toString(),
            migration("Third", "b1000003").revises("b1000002").message("third, which fails").upgrade(
                    "op.createTable(\"third_t\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));"
                    + "op.execute(\"INSERT INTO no_such_table VALUES (1)\");").toString(),
        };
    }

    /**
     * root01 branches into alpha (alpha1 -> alpha2) and beta (beta01 -> beta02), merged by
     * merge1; extra1 is a second base, labelled extra, that depends on alpha1. Every revision but
     * the merge creates a table named after it.
     */
    public static String[] branchy() {
        return new String[] {
            table("Root", "root01", "", ""),
            table("Alpha1", "alpha1", "root01", "branchLabels = \"alpha\""),
            table("Alpha2", "alpha2", "alpha1", ""),
            table("Beta1", "beta01", "root01", "branchLabels = \"beta\""),
            table("Beta2", "beta02", "beta01", ""),
            migration("Merge", "merge1").revises("alpha2", "beta02").message("merge alpha and beta").upgrade("").toString(),
            table("Extra1", "extra1", "", "branchLabels = \"extra\", dependsOn = \"alpha1\""),
        };
    }

    private static String table(String className, String id, String parent, String attributes) {
        var source = migration(className, id).message("create t_" + id)
                .upgrade("op.createTable(\"t_" + id + "\", t -> t.column(\"id\", BIGINT, c -> c.primaryKey()));");
        if (!parent.isEmpty()) {
            source.revises(parent);
        }
        if (!attributes.isEmpty()) {
            source.attributes(attributes);
        }
        return source.toString();
    }
}
