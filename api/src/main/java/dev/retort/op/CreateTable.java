package dev.retort.op;

import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code CREATE TABLE}: columns, table constraints (composite keys, unique, check, foreign keys),
 * an optional comment. Its reverse drops the table and remembers this definition.
 *
 * @param comment {@code null} for none
 * @param options a dialect's table options by SQLAlchemy's names ({@code mysql_engine},
 *     {@code mysql_charset}, {@code mysql_collate}), sorted; the other dialects ignore them
 */
public record CreateTable(TableName table, List<ColumnDef> columns, List<Constraint> constraints, String comment,
        boolean ifNotExists, Map<String, String> options) implements Op {

    /** The table options a dialect reads. */
    public static final Set<String> OPTIONS = Set.of("mysql_engine", "mysql_charset", "mysql_collate");

    public CreateTable(TableName table, List<ColumnDef> columns, List<Constraint> constraints, String comment,
            boolean ifNotExists) {
        this(table, columns, constraints, comment, ifNotExists, Map.of());
    }

    public CreateTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        options.forEach((key, value) -> {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("table " + table + ": no table option is called " + key + "; use "
                        + String.join(", ", new TreeSet<>(OPTIONS)));
            }
            if (value == null || !value.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("table " + table + ": " + key + " must be a name such as InnoDB or"
                        + " utf8mb4, not '" + value + "'");
            }
        });
        options = Collections.unmodifiableMap(new TreeMap<>(options));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " needs at least one column");
        }
        var names = new HashSet<String>();
        for (ColumnDef column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("table " + table + " declares column " + column.name() + " twice");
            }
        }
        if (columns.stream().filter(ColumnDef::identity).count() > 1) {
            throw new IllegalArgumentException("table " + table + " declares more than one identity column");
        }
        for (Constraint c : constraints) {
            for (String column : c.columns()) {
                if (!names.contains(column)) {
                    throw new IllegalArgumentException("a constraint of table " + table + " names column " + column
                            + ", which the table does not declare");
                }
            }
        }
        boolean columnKey = columns.stream().anyMatch(ColumnDef::primaryKey);
        if (columnKey && constraints.stream().anyMatch(c -> c instanceof Constraint.PrimaryKey)
                || constraints.stream().filter(c -> c instanceof Constraint.PrimaryKey).count() > 1) {
            throw new IllegalArgumentException("table " + table + " declares its primary key twice");
        }
    }

    /** The primary-key columns, in order: the table-level key's, or the columns marked primaryKey(). */
    public List<String> primaryKey() {
        for (Constraint c : constraints) {
            if (c instanceof Constraint.PrimaryKey pk) {
                return pk.columns();
            }
        }
        return columns.stream().filter(ColumnDef::primaryKey).map(ColumnDef::name).toList();
    }

    /**
     * Every constraint, the column-level ones (primary key, unique, references) written as table
     * constraints: primary key first, then unique, checks and foreign keys in declaration order.
     */
    public List<Constraint> allConstraints() {
        var all = new ArrayList<Constraint>();
        List<String> key = primaryKey();
        constraints.stream().filter(c -> c instanceof Constraint.PrimaryKey).forEach(all::add);
        if (all.isEmpty() && !key.isEmpty()) {
            all.add(new Constraint.PrimaryKey(null, key));
        }
        for (ColumnDef column : columns) {
            if (column.unique()) {
                all.add(new Constraint.Unique(null, List.of(column.name())));
            }
        }
        constraints.stream().filter(c -> !(c instanceof Constraint.PrimaryKey)).forEach(all::add);
        for (ColumnDef column : columns) {
            if (column.references() != null) {
                all.add(column.references().asConstraint(column.name()));
            }
        }
        return all;
    }

    public ColumnDef column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + name));
    }

    /**
     * The record's own form, with options only when there are any: the checksum of a migration is
     * its ops' text, and a table created before options existed must keep its checksum.
     */
    @Override
    public String toString() {
        return "CreateTable[table=" + table + ", columns=" + columns + ", constraints=" + constraints + ", comment="
                + comment + ", ifNotExists=" + ifNotExists + (options.isEmpty() ? "" : ", options=" + options) + "]";
    }

    @Override
    public Op reverse() {
        return new DropTable(table, this, false, false);
    }

    @Override
    public <R> R accept(OpVisitor<R> visitor) {
        return visitor.createTable(this);
    }

    @Override
    public String describe() {
        return "createTable(" + table + ")";
    }
}
