package dev.retort.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A table constraint. A {@code null} name means "name it by the naming convention", so every
 * constraint has a name that is the same on every dialect and a later migration can drop it.
 */
public sealed interface Constraint permits Constraint.PrimaryKey, Constraint.Unique, Constraint.Check,
        Constraint.ForeignKey {

    /** The explicit name, or {@code null} for the naming convention's. */
    String name();

    /** The columns the constraint is on (none for a check). */
    List<String> columns();

    Constraint withName(String name);

    /** What kind of constraint it is, for messages: {@code primary key}, {@code unique constraint}, … */
    default String kindName() {
        return this instanceof PrimaryKey ? "primary key" : this instanceof Unique ? "unique constraint"
                : this instanceof ForeignKey ? "foreign key" : "check constraint";
    }

    record PrimaryKey(String name, List<String> columns) implements Constraint {
        public PrimaryKey {
            columns = checkedColumns(columns, "primary key");
            checkName(name);
        }

        @Override
        public Constraint withName(String newName) {
            return new PrimaryKey(newName, columns);
        }
    }

    record Unique(String name, List<String> columns) implements Constraint {
        public Unique {
            columns = checkedColumns(columns, "unique constraint");
            checkName(name);
        }

        @Override
        public Constraint withName(String newName) {
            return new Unique(newName, columns);
        }
    }

    /** A condition every row must meet, as SQL. */
    record Check(String name, String expression) implements Constraint {
        public Check {
            if (expression == null || expression.isBlank()) {
                throw new IllegalArgumentException("a check constraint needs an expression");
            }
            checkName(name);
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public Constraint withName(String newName) {
            return new Check(newName, expression);
        }
    }

    /**
     * A reference to another table's columns. {@code deferrable} is honoured by PostgreSQL;
     * SQLite keeps it in the table definition.
     */
    record ForeignKey(String name, List<String> columns, TableName referredTable, List<String> referredColumns,
            ReferentialAction onDelete, ReferentialAction onUpdate, Deferrable deferrable) implements Constraint {
        public ForeignKey {
            columns = checkedColumns(columns, "foreign key");
            Objects.requireNonNull(referredTable, "referred table");
            referredColumns = checkedColumns(referredColumns, "foreign key's referred columns");
            if (columns.size() != referredColumns.size()) {
                throw new IllegalArgumentException("foreign key on " + columns + " refers to " + referredColumns
                        + ": give as many referred columns as columns");
            }
            checkName(name);
        }

        @Override
        public Constraint withName(String newName) {
            return new ForeignKey(newName, columns, referredTable, referredColumns, onDelete, onUpdate, deferrable);
        }
    }

    /** When a deferrable foreign key is checked. */
    enum Deferrable {
        /** {@code DEFERRABLE INITIALLY IMMEDIATE}: checked per statement unless a transaction defers it. */
        INITIALLY_IMMEDIATE,
        /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
        INITIALLY_DEFERRED
    }

    private static List<String> checkedColumns(List<String> columns, String what) {
        List<String> copy = List.copyOf(columns);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " needs at least one column");
        }
        copy.forEach(c -> Names.check(c, "column name"));
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new IllegalArgumentException("a " + what + " lists a column twice: " + copy);
        }
        return copy;
    }

    private static void checkName(String name) {
        if (name != null) {
            Names.check(name, "constraint name");
        }
    }
}
