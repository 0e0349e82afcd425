package dev.retort.runtime.ops;

import dev.retort.dsl.Ops;
import dev.retort.index.RevisionInfo;
import dev.retort.op.Op;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.testing.InlineIndex;
import dev.retort.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Helpers shared by the op tests: a case as a two-revision graph, recorded ops, catalogs. */
final class OpRuns {

    static final String SETUP = "setup";
    static final String CHANGE = "change";

    private OpRuns() {
    }

    static InlineIndex index(OpCase c) {
        return new InlineIndex()
                .add(RevisionInfo.of(SETUP), c.setup()::accept)
                .add(new RevisionInfo(CHANGE, List.of(SETUP), c.name(), List.of(), List.of(), c.transactional(), ""),
                        c.change()::accept);
    }

    static List<Op> recorded(Consumer<Ops> migration) {
        var ops = new Ops();
        migration.accept(ops);
        return ops.recorded();
    }

    static Dialect dialect(TestDatabase.Kind kind) {
        return Dialects.named(kind.dialect());
    }

    static Catalog catalog(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return dialect(db.kind()).introspect(c, null);
        }
    }

    /**
     * The catalog with every list sorted: a round trip must bring back every column, key,
     * index and trigger, but cannot bring a re-added column back to its old place (PostgreSQL has
     * no way to, and Alembic does not either).
     */
    static Catalog unordered(Catalog catalog) {
        Comparator<Object> byText = Comparator.comparing(Object::toString);
        return new Catalog(catalog.tables().stream().map(t -> new TableInfo(t.name(),
                        t.columns().stream().sorted(byText).toList(), t.primaryKey(),
                        t.uniques().stream().sorted(byText).toList(), t.checks().stream().sorted(byText).toList(),
                        t.foreignKeys().stream().sorted(byText).toList(), t.indexes().stream().sorted(byText).toList(),
                        t.triggers().stream().sorted().toList(), t.comment())).toList(),
                catalog.views(), catalog.enums(), catalog.sequences());
    }
}
