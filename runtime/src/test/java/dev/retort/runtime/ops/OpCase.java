package dev.retort.runtime.ops;

import dev.retort.dsl.Ops;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
import dev.retort.schema.NamingConvention;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One op (or a few that belong together) with the schema it needs: rendered for the golden SQL,
 * run on each database and checked against the catalog, and, when it reverses, downgraded to
 * check that the catalog is back as it was.
 *
 * @param setup what the database holds before the change (its own revision)
 * @param change the ops under test (the next revision)
 * @param transactional false for ops that must run outside a transaction
 * @param roundTrip whether downgrading the change must restore the catalog exactly
 * @param rows what to check on the rows after the change, or {@code null}
 * @param naming the naming convention the case runs with
 */
record OpCase(String name, Set<Kind> on, Consumer<Ops> setup, Consumer<Ops> change, boolean transactional,
        boolean roundTrip, RowCheck rows, NamingConvention naming) {

    @FunctionalInterface
    interface RowCheck {
        void check(TestDatabase db) throws Exception;
    }

    static OpCase of(String name, Consumer<Ops> setup, Consumer<Ops> change) {
        return new OpCase(name, EnumSet.allOf(Kind.class), setup, change, true, true, null, NamingConvention.alembic());
    }

    OpCase only(Kind kind) {
        return new OpCase(name, EnumSet.of(kind), setup, change, transactional, roundTrip, rows, naming);
    }

    /** Not on {@code kind}, which cannot do it: a test of its own asserts how it refuses. */
    OpCase except(Kind kind) {
        var kinds = EnumSet.copyOf(on);
        kinds.remove(kind);
        return new OpCase(name, kinds, setup, change, transactional, roundTrip, rows, naming);
    }

    OpCase oneWay() {
        return new OpCase(name, on, setup, change, transactional, false, rows, naming);
    }

    OpCase outsideTransaction() {
        return new OpCase(name, on, setup, change, false, roundTrip, rows, naming);
    }

    OpCase rows(RowCheck check) {
        return new OpCase(name, on, setup, change, transactional, roundTrip, check, naming);
    }

    /** Under another naming convention, such as the database's own names. */
    OpCase naming(NamingConvention convention) {
        return new OpCase(name, on, setup, change, transactional, roundTrip, rows, convention);
    }

    @Override
    public String toString() {
        return name;
    }
}
