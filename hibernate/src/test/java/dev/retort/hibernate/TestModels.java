package dev.retort.hibernate;

import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.model.ModelSource;
import dev.retort.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Builds a model through {@link JpaModelSource} into a test's database and reads the catalog back. */
final class TestModels {

    static final String SHOP = "dev.retort.hibernate.model";

    private TestModels() {
    }

    static Catalog build(TestDatabase db, String spec) throws SQLException {
        return build(db, spec, Map.of());
    }

    static Catalog build(TestDatabase db, String spec, Map<String, String> settings) throws SQLException {
        try (Connection c = db.connect()) {
            new JpaModelSource().create(spec, context(db, c, settings));
            return Dialects.named(dialect(db)).introspect(c, db.schema());
        }
    }

    static ModelSource.Context context(TestDatabase db, Connection c, Map<String, String> settings) {
        return new ModelSource.Context(TestModels.class.getClassLoader(), c, dialect(db), settings);
    }

    static String dialect(TestDatabase db) {
        return db.kind().dialect();
    }

    static TableInfo table(Catalog catalog, String name) {
        return catalog.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in "
                + catalog.tables().stream().map(TableInfo::name).toList()));
    }

    static TableInfo.ColumnInfo column(TableInfo table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()
                + " " + table.columnNames()));
    }
}
