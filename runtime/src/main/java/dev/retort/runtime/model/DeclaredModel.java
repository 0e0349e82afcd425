package dev.retort.runtime.model;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.model.DeclaredSchema;
import dev.retort.model.SchemaBuilder;
import dev.retort.op.AddConstraint;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.Op;
import dev.retort.runtime.dialect.Action;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.RenderContext;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code class:}: a {@link DeclaredSchema} made in the scratch database by the same renderer
 * migrations use, so it reads back as a migration making the same declarations would.
 * Declaration order does not matter.
 */
final class DeclaredModel {

    private DeclaredModel() {
    }

    static void create(String className, ClassLoader classes, Connection connection, Dialect dialect, RenderContext context)
            throws SQLException {
        make(declared(className, classes), "class:" + className, connection, dialect, context);
    }

    static void make(List<Op> declared, String origin, Connection connection, Dialect dialect, RenderContext context)
            throws SQLException {
        // One transaction: a scratch schema needs no commit per statement, and PostgreSQL's DDL is transactional.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            makeAll(declared, origin, connection, dialect, context);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void makeAll(List<Op> declared, String origin, Connection connection, Dialect dialect,
            RenderContext context) throws SQLException {
        for (Op op : ordered(declared, !dialect.name().equals("sqlite"))) {
            String current = null;
            try {
                for (Action action : dialect.render(op, context)) {
                    if (action instanceof Action.Sql sql) {
                        current = sql.sql();
                        execute(connection, sql.sql());
                    } else if (action instanceof Action.Live live) {
                        live.run(connection, sql -> execute(connection, sql));
                    }
                }
            } catch (SQLException e) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model " + origin + ": "
                        + op.describe() + " fails on " + dialect.name() + " (" + e.getMessage().strip().replace('\n', ' ')
                        + (current == null ? "" : "; statement: " + current) + "); fix the declaration", e);
            }
        }
    }

    private static List<Op> declared(String className, ClassLoader classes) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model class:" + className + ": no such class on the"
                    + " class path; compile it (mvn compile) and give its folder with --classpath or classpath in"
                    + " retort.properties", e);
        }
        if (!DeclaredSchema.class.isAssignableFrom(type)) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model class:" + className + " does not implement "
                    + DeclaredSchema.class.getName() + "; a declared model does");
        }
        DeclaredSchema schema;
        try {
            schema = (DeclaredSchema) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model class:" + className + " needs a public"
                    + " constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model class:" + className + ": its constructor threw "
                    + e.getCause(), e.getCause());
        }
        var builder = new SchemaBuilder();
        try {
            schema.declare(builder);
        } catch (RuntimeException e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, "model class:" + className + ": declare() threw "
                    + e.getMessage(), e);
        }
        return builder.declared();
    }

    /**
     * Types and sequences, tables, foreign keys (PostgreSQL checks a key's table when it is made,
     * so there each table is made without its keys), indexes, then views, which may read any
     * table; each kind in the order declared.
     */
    private static List<Op> ordered(List<Op> declared, boolean keysLast) {
        var types = new ArrayList<Op>();
        var tables = new ArrayList<Op>();
        var keys = new ArrayList<Op>();
        var rest = new ArrayList<Op>();
        var views = new ArrayList<Op>();
        for (Op op : declared) {
            if (op instanceof CreateTable t && keysLast) {
                var columns = new ArrayList<ColumnDef>();
                var constraints = new ArrayList<Constraint>();
                for (ColumnDef c : t.columns()) {
                    columns.add(new ColumnDef(c.name(), c.type(), c.nullable(), c.primaryKey(), c.identity(), c.unique(),
                            c.serverDefault(), null, c.comment()));
                    if (c.references() != null) {
                        keys.add(new AddConstraint(t.table(), c.references().asConstraint(c.name())));
                    }
                }
                for (Constraint c : t.constraints()) {
                    if (c instanceof Constraint.ForeignKey) {
                        keys.add(new AddConstraint(t.table(), c));
                    } else {
                        constraints.add(c);
                    }
                }
                tables.add(new CreateTable(t.table(), columns, constraints, t.comment(), t.ifNotExists(), t.options()));
            } else if (op instanceof CreateTable) {
                tables.add(op);
            } else if (op instanceof CreateEnum || op instanceof CreateSequence) {
                types.add(op);
            } else if (op instanceof CreateView) {
                views.add(op);
            } else {
                rest.add(op);
            }
        }
        var all = new ArrayList<Op>(types);
        all.addAll(tables);
        all.addAll(keys);
        all.addAll(rest);
        all.addAll(views);
        return all;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
