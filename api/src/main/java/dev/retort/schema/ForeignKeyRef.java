package dev.retort.schema;

import java.util.Objects;

/**
 * A column's reference to a column of another table, with what happens on delete and update.
 * {@code null} actions leave the database's default ({@code NO ACTION}); a {@code null}
 * {@code deferrable} is not deferrable.
 */
public record ForeignKeyRef(TableName table, String column, ReferentialAction onDelete, ReferentialAction onUpdate,
        Constraint.Deferrable deferrable) {

    public ForeignKeyRef {
        Objects.requireNonNull(table, "referenced table");
        Names.check(column, "referenced column");
    }

    /** The same reference as a table-level foreign key of {@code column}. */
    public Constraint.ForeignKey asConstraint(String ownColumn) {
        return new Constraint.ForeignKey(null, java.util.List.of(ownColumn), table, java.util.List.of(column), onDelete,
                onUpdate, deferrable);
    }
}
