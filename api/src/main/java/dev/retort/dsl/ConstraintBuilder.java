package dev.retort.dsl;

import dev.retort.schema.Constraint;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.TableName;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Describes one constraint: give it a name, or leave that to the naming convention, and say which
 * kind it is.
 */
public final class ConstraintBuilder {

    private final String schema;
    private String name;
    private Constraint constraint;
    private ForeignKeyBuilder foreignKey;

    private ConstraintBuilder(String schema) {
        this.schema = schema;
    }

    static Constraint build(String schema, Consumer<ConstraintBuilder> spec) {
        var builder = new ConstraintBuilder(schema);
        spec.accept(builder);
        return builder.build();
    }

    public ConstraintBuilder name(String value) {
        name = Objects.requireNonNull(value, "name");
        return this;
    }

    public ConstraintBuilder primaryKey(String... columns) {
        return kind(new Constraint.PrimaryKey(null, List.of(columns)));
    }

    public ConstraintBuilder unique(String... columns) {
        return kind(new Constraint.Unique(null, List.of(columns)));
    }

    public ConstraintBuilder check(String expression) {
        return kind(new Constraint.Check(null, expression));
    }

    /** A foreign key from these columns; say what it references on the builder this returns. */
    public ForeignKeyBuilder foreignKey(String... columns) {
        if (constraint != null || foreignKey != null) {
            throw new IllegalStateException("a constraint is one kind; this one is already chosen");
        }
        foreignKey = new ForeignKeyBuilder(List.of(columns));
        return foreignKey;
    }

    private ConstraintBuilder kind(Constraint c) {
        if (constraint != null || foreignKey != null) {
            throw new IllegalStateException("a constraint is one kind; this one is already chosen");
        }
        constraint = c;
        return this;
    }

    private Constraint build() {
        Constraint built = foreignKey != null ? foreignKey.build() : constraint;
        if (built == null) {
            throw new IllegalStateException("say which constraint: primaryKey, unique, check or foreignKey");
        }
        return name == null ? built : built.withName(name);
    }

    /** The referenced side of a foreign key, and what happens on delete and update. */
    public final class ForeignKeyBuilder {
        private List<String> columns;
        private TableName referred;
        private List<String> referredColumns;
        private ReferentialAction onDelete;
        private ReferentialAction onUpdate;
        private Constraint.Deferrable deferrable;

        private ForeignKeyBuilder(List<String> columns) {
            this.columns = columns;
        }

        /** The constraint's own columns, when {@link TableBuilder#foreignKey} started it without them. */
        public ForeignKeyBuilder columns(String... names) {
            columns = List.of(names);
            return this;
        }

        public ForeignKeyBuilder references(String table, String... columns) {
            referred = new TableName(schema, table);
            referredColumns = List.of(columns);
            return this;
        }

        public ForeignKeyBuilder onDelete(ReferentialAction action) {
            onDelete = Objects.requireNonNull(action, "action");
            return this;
        }

        public ForeignKeyBuilder onUpdate(ReferentialAction action) {
            onUpdate = Objects.requireNonNull(action, "action");
            return this;
        }

        public ForeignKeyBuilder deferrable(Constraint.Deferrable when) {
            deferrable = Objects.requireNonNull(when, "when");
            return this;
        }

        public ForeignKeyBuilder name(String value) {
            ConstraintBuilder.this.name(value);
            return this;
        }

        private Constraint build() {
            if (referred == null) {
                throw new IllegalStateException("foreign key on " + columns + " needs references(table, columns...)");
            }
            return new Constraint.ForeignKey(null, columns, referred, referredColumns, onDelete, onUpdate, deferrable);
        }
    }
}
