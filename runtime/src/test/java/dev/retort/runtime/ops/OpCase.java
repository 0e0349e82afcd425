package dev.retort.runtime.ops;

import dev.retort.dsl.Ops;
import dev.retort.runtime.testing.TestDatabase;
import dev.retort.runtime.testing.TestDatabase.Kind;
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
 */
record OpCase(String name, Set<Kind> on, Consumer<Ops> setup, Consumer<Ops> change, boolean transactional,
        boolean roundTrip, RowCheck rows) {

    @FunctionalInterface
    interface RowCheck {
        void check(TestDatabase db) throws Exception;
    }

    static OpCase of(String name, Consumer<Ops> setup, Consumer<Ops> change) {
        return new OpCase(name, EnumSet.allOf(Kind.class), setup, change, true, true, null);
    }

    OpCase only(Kind kind) {
        return new OpCase(name, EnumSet.of(kind), setup, change, transactional, roundTrip, rows);
    }

    OpCase oneWay() {
        return new OpCase(name, on, setup, change, transactional, false, rows);
    }

    OpCase outsideTransaction() {
        return new OpCase(name, on, setup, change, false, roundTrip, rows);
    }

    OpCase rows(RowCheck check) {
        return new OpCase(name, on, setup, change, transactional, roundTrip, check);
    }

    @Override
    public String toString() {
        return name;
    }
}
