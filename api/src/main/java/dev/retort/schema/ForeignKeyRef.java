package dev.retort.schema;

import java.util.Objects;

/**
 * A column's reference to a column of another table, with what happens on delete and update.
 * {@code null} actions leave the database's default ({@code NO ACTION}).
 */
public record ForeignKeyRef(TableName table, String column, ReferentialAction onDelete, ReferentialAction onUpdate) {

    public ForeignKeyRef {
        Objects.requireNonNull(table, "referenced table");
        Names.check(column, "referenced column");
    }
}
