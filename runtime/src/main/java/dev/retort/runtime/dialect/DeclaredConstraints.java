package dev.retort.runtime.dialect;

import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;

/** The constraints columns declare on themselves, and the checks non-native enum columns carry, for every dialect. */
public final class DeclaredConstraints {

    private DeclaredConstraints() {
    }

    /** The constraints a column declares on itself (key, unique, references), as table constraints. */
    public static List<Constraint> ofColumn(ColumnDef column) {
        var list = new ArrayList<Constraint>();
        if (column.primaryKey()) {
            list.add(new Constraint.PrimaryKey(null, List.of(column.name())));
        }
        if (column.unique()) {
            list.add(new Constraint.Unique(null, List.of(column.name())));
        }
        if (column.references() != null) {
            list.add(column.references().asConstraint(column.name()));
        }
        return list;
    }

    /**
     * The constraints, with a named check for each non-native enum column: its values, named by the
     * convention's check template with the enum's name (SQLAlchemy's way).
     */
    public static List<Constraint> withEnumChecks(Dialect dialect, RenderContext context, TableName table,
            List<Constraint> constraints, List<ColumnDef> columns) {
        var all = new ArrayList<>(constraints);
        for (ColumnDef column : columns) {
            if (column.type() instanceof StringEnumType e) {
                all.add(enumCheck(dialect, context, table, column.name(), e));
            }
        }
        return all;
    }

    public static Constraint.Check enumCheck(Dialect dialect, RenderContext context, TableName table, String column,
            StringEnumType type) {
        return new Constraint.Check(context.naming().enumCheckName(table, type.name()), dialect.oneOf(column, type.values()));
    }
}
