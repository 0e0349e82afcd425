package dev.retort.cli.scaffold;

import com.squareup.javapoet.CodeBlock;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnum;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.op.IndexPart;
import dev.retort.op.Op;
import dev.retort.op.SetTableComment;
import dev.retort.schema.ArrayType;
import dev.retort.schema.BasicType;
import dev.retort.schema.ColumnDef;
import dev.retort.schema.Constraint;
import dev.retort.schema.EnumType;
import dev.retort.schema.NamedType;
import dev.retort.schema.NumericType;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.SqlType;
import dev.retort.schema.StringEnumType;
import dev.retort.schema.TableName;
import dev.retort.schema.VarcharType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ops as the DSL calls that record them again: what a person would have written in
 * {@code upgrade(Ops op)}. Every drop is written with its definition, so the migration's default
 * downgrade ({@code op.reverseOf(this::upgrade)}) restores what it drops. The calls assume the
 * static imports every generated migration has ({@code SqlType.*}, {@code ServerDefault.*},
 * {@code ReferentialAction.*}).
 */
public final class OpWriter {

    private OpWriter() {
    }

    /** One statement, with {@code notes} as comments above it. */
    public static CodeBlock statement(Op op, List<String> notes) {
        var code = CodeBlock.builder();
        for (String note : notes) {
            code.add("// $L\n", note.replace('\n', ' '));
        }
        return code.addStatement("$L", call(op)).build();
    }

    /**
     * The op for a listing, one line: what it does ({@code createTable(users)}); for a constraint,
     * whose name may be the convention's, the call itself, since its definition is what tells two apart.
     */
    public static String line(Op op) {
        if (op instanceof AddConstraint || op instanceof DropConstraint) {
            return call(op).toString().replaceAll("\\s*\\n\\s*", " ");
        }
        return op.describe();
    }

    static CodeBlock call(Op op) {
        if (op instanceof CreateTable t) {
            return CodeBlock.of("op.createTable($S, $L)", t.table().name(), tableSpec(t));
        }
        if (op instanceof DropTable t && t.definition() != null) {
            return CodeBlock.of("op.dropTable($S, $L)", t.table().name(), tableSpec(t.definition()));
        }
        if (op instanceof AddColumn a) {
            return columnCall("addColumn", a.table(), a.column());
        }
        if (op instanceof DropColumn d && d.definition() != null) {
            return columnCall("dropColumn", d.table(), d.definition());
        }
        if (op instanceof AlterColumn a) {
            return CodeBlock.of("op.alterColumn($S, $S, c -> c$L)", a.table().name(), a.column(), alterSpec(a));
        }
        if (op instanceof CreateIndex i) {
            return CodeBlock.of("op.createIndex($S, $S, $L)", i.name(), i.table().name(), indexSpec(i));
        }
        if (op instanceof DropIndex d && d.definition() != null) {
            return CodeBlock.of("op.dropIndex($S, $S, $L)", d.name(), d.table().name(), indexSpec(d.definition()));
        }
        if (op instanceof AddConstraint a) {
            return CodeBlock.of("op.addConstraint($S, c -> c$L)", a.table().name(), constraintSpec(a.constraint()));
        }
        if (op instanceof DropConstraint d && d.definition() != null) {
            return d.name() == null
                    ? CodeBlock.of("op.dropConstraint($S, c -> c$L)", d.table().name(), constraintSpec(d.definition()))
                    : CodeBlock.of("op.dropConstraint($S, $S, c -> c$L)", d.table().name(), d.name(),
                            constraintSpec(d.definition().withName(null)));
        }
        if (op instanceof CreateEnum e) {
            return CodeBlock.of("op.createEnum($S$L)", e.type().name().name(), strings(e.type().values()));
        }
        if (op instanceof DropEnum e && e.definition() != null) {
            return CodeBlock.of("op.dropEnum($S$L)", e.name().name(), strings(e.definition().values()));
        }
        if (op instanceof AddEnumValue v) {
            return v.before() != null ? CodeBlock.of("op.addEnumValueBefore($S, $S, $S)", v.type().name(), v.value(), v.before())
                    : v.after() != null ? CodeBlock.of("op.addEnumValueAfter($S, $S, $S)", v.type().name(), v.value(), v.after())
                    : CodeBlock.of("op.addEnumValue($S, $S)", v.type().name(), v.value());
        }
        if (op instanceof CreateSequence s && s.start() == null && s.increment() == null && !s.ifNotExists()) {
            return CodeBlock.of("op.createSequence($S)", s.name().name());
        }
        if (op instanceof DropSequence s && s.definition() != null) {
            return CodeBlock.of("op.dropSequence($S, s -> { })", s.name().name());
        }
        if (op instanceof CreateView v && !v.orReplace()) {
            return CodeBlock.of("op.createView($S, $S)", v.name().name(), v.query());
        }
        if (op instanceof DropView v && v.definition() != null) {
            return CodeBlock.of("op.dropView($S, $S)", v.name().name(), v.definition().query());
        }
        if (op instanceof SetTableComment c && c.comment().fromGiven()) {
            return CodeBlock.of("op.setTableComment($S, $S, $S)", c.table().name(), c.comment().to(), c.comment().from());
        }
        throw new IllegalArgumentException("no source form for " + op.describe());
    }

    private static CodeBlock tableSpec(CreateTable table) {
        var spec = CodeBlock.builder().add("t -> t");
        for (ColumnDef column : table.columns()) {
            CodeBlock columnSpec = columnSpec(column);
            if (columnSpec.isEmpty()) {
                spec.add("\n.column($S, $L)", column.name(), type(column.type()));
            } else {
                spec.add("\n.column($S, $L, c -> c$L)", column.name(), type(column.type()), columnSpec);
            }
        }
        for (Constraint c : table.constraints()) {
            spec.add("\n$L", tableConstraint(c));
        }
        if (table.comment() != null) {
            spec.add("\n.comment($S)", table.comment());
        }
        return spec.build();
    }

    private static CodeBlock tableConstraint(Constraint c) {
        if (c.name() == null && c instanceof Constraint.PrimaryKey pk) {
            return CodeBlock.of(".primaryKey($L)", args(pk.columns()));
        }
        if (c.name() == null && c instanceof Constraint.Unique u) {
            return CodeBlock.of(".unique($L)", args(u.columns()));
        }
        if (c.name() == null && c instanceof Constraint.Check ck) {
            return CodeBlock.of(".check($S)", ck.expression());
        }
        if (c instanceof Constraint.ForeignKey fk) {
            return CodeBlock.of(".foreignKey(fk -> fk$L$L)", fk.name() == null ? "" : CodeBlock.of(".name($S)", fk.name()),
                    foreignKeyBody(fk));
        }
        return CodeBlock.of(".constraint(c -> c$L)", constraintSpec(c));
    }

    private static CodeBlock constraintSpec(Constraint c) {
        var spec = CodeBlock.builder();
        if (c.name() != null) {
            spec.add(".name($S)", c.name());
        }
        if (c instanceof Constraint.PrimaryKey pk) {
            spec.add(".primaryKey($L)", args(pk.columns()));
        } else if (c instanceof Constraint.Unique u) {
            spec.add(".unique($L)", args(u.columns()));
        } else if (c instanceof Constraint.Check ck) {
            spec.add(".check($S)", ck.expression());
        } else {
            var fk = (Constraint.ForeignKey) c;
            spec.add(".foreignKey($L)", args(fk.columns()));
            spec.add(referencesTail(fk));
        }
        return spec.build();
    }

    private static CodeBlock foreignKeyBody(Constraint.ForeignKey fk) {
        return CodeBlock.builder().add(".columns($L)", args(fk.columns()))
                .add(referencesTail(fk)).build();
    }

    private static CodeBlock referencesTail(Constraint.ForeignKey fk) {
        var tail = CodeBlock.builder().add(".references($S$L)", fk.referredTable().name(), strings(fk.referredColumns()));
        if (fk.onDelete() != null) {
            tail.add(".onDelete($L)", fk.onDelete().name());
        }
        if (fk.onUpdate() != null) {
            tail.add(".onUpdate($L)", fk.onUpdate().name());
        }
        if (fk.deferrable() != null) {
            tail.add(".deferrable($T.$L)", Constraint.Deferrable.class, fk.deferrable().name());
        }
        return tail.build();
    }

    private static CodeBlock columnCall(String method, TableName table, ColumnDef column) {
        CodeBlock spec = columnSpec(column);
        return spec.isEmpty() ? CodeBlock.of("op.$L($S, $S, $L)", method, table.name(), column.name(), type(column.type()))
                : CodeBlock.of("op.$L($S, $S, $L, c -> c$L)", method, table.name(), column.name(), type(column.type()), spec);
    }

    private static CodeBlock columnSpec(ColumnDef column) {
        var spec = CodeBlock.builder();
        if (column.primaryKey()) {
            spec.add(".primaryKey()");
        } else if (!column.nullable()) {
            spec.add(".notNull()");
        }
        if (column.identity()) {
            spec.add(".identity()");
        }
        if (column.unique()) {
            spec.add(".unique()");
        }
        if (column.serverDefault() instanceof ServerDefault.Serial) {
            spec.add(".serial()");
        } else if (column.serverDefault() != null) {
            spec.add(".serverDefault($L)", serverDefault(column.serverDefault()));
        }
        if (column.comment() != null) {
            spec.add(".comment($S)", column.comment());
        }
        return spec.build();
    }

    private static CodeBlock alterSpec(AlterColumn a) {
        var spec = CodeBlock.builder();
        if (a.type() != null) {
            spec.add(".type($L)", type(a.type().to()));
            if (a.using() != null) {
                spec.add(".using($S)", a.using());
            }
            spec.add(".existingType($L)", type(a.type().from()));
        }
        if (a.nullable() != null) {
            spec.add(a.nullable().to() ? ".nullable()" : ".notNull()").add(".existingNullable($L)", a.nullable().from());
        }
        if (a.serverDefault() != null) {
            spec.add(a.serverDefault().to() == null ? CodeBlock.of(".dropServerDefault()")
                    : CodeBlock.of(".serverDefault($L)", serverDefault(a.serverDefault().to())));
            spec.add(".existingServerDefault($L)", a.serverDefault().from() == null ? "null"
                    : serverDefault(a.serverDefault().from()));
        }
        if (a.comment() != null) {
            spec.add(a.comment().to() == null ? CodeBlock.of(".dropComment()") : CodeBlock.of(".comment($S)", a.comment().to()));
            spec.add(".existingComment($S)", a.comment().from());
        }
        return spec.build();
    }

    private static CodeBlock indexSpec(CreateIndex index) {
        var spec = CodeBlock.builder().add("i -> i");
        var columns = new ArrayList<String>();
        for (IndexPart part : index.parts()) {
            if (part.isColumn() && !part.descending()) {
                columns.add(part.column());
                continue;
            }
            if (!columns.isEmpty()) {
                spec.add(".columns($L)", args(columns));
                columns.clear();
            }
            spec.add(part.isColumn() ? CodeBlock.of(".descending($S)", part.column())
                    : part.descending() ? CodeBlock.of(".expression($S)", part.expression() + " DESC")
                    : CodeBlock.of(".expression($S)", part.expression()));
        }
        if (!columns.isEmpty()) {
            spec.add(".columns($L)", args(columns));
        }
        if (index.unique()) {
            spec.add(".unique()");
        }
        if (index.where() != null) {
            spec.add(".where($S)", index.where());
        }
        return spec.build();
    }

    /** A type as the static imports of {@code SqlType} spell it. */
    static CodeBlock type(SqlType type) {
        return type.accept(new SqlType.Visitor<>() {
            @Override
            public CodeBlock basic(BasicType t) {
                return CodeBlock.of("$L", t.name());
            }

            @Override
            public CodeBlock varchar(VarcharType t) {
                return t.hasLength() ? CodeBlock.of("varchar($L)", t.length()) : CodeBlock.of("varchar()");
            }

            @Override
            public CodeBlock numeric(NumericType t) {
                return CodeBlock.of("numeric($L, $L)", t.precision(), t.scale());
            }

            @Override
            public CodeBlock enumType(EnumType t) {
                return CodeBlock.of("enumOf($S$L)", t.name().name(), strings(t.values()));
            }

            @Override
            public CodeBlock stringEnum(StringEnumType t) {
                return CodeBlock.of("enumOf($S$L).nonNative()", t.name(), strings(t.values()));
            }

            @Override
            public CodeBlock named(NamedType t) {
                var code = CodeBlock.builder().add("named($S)", t.name());
                t.variants().forEach((dialect, name) -> code.add(".on($S, $S)", dialect, name));
                return code.build();
            }

            @Override
            public CodeBlock array(ArrayType t) {
                return CodeBlock.of("arrayOf($L)", type(t.element()));
            }
        });
    }

    static CodeBlock serverDefault(ServerDefault value) {
        return value.accept(new ServerDefault.Visitor<>() {
            @Override
            public CodeBlock literal(Object v) {
                if (v instanceof String s) {
                    return CodeBlock.of("value($S)", s);
                }
                if (v instanceof Long l) {
                    return CodeBlock.of(l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? "value($L)" : "value($LL)", l);
                }
                if (v instanceof BigDecimal d) {
                    return CodeBlock.of("value(new $T($S))", BigDecimal.class, d.toPlainString());
                }
                return CodeBlock.of("value($L)", v);
            }

            @Override
            public CodeBlock now() {
                return CodeBlock.of("now()");
            }

            @Override
            public CodeBlock randomUuid() {
                return CodeBlock.of("randomUuid()");
            }

            @Override
            public CodeBlock expression(String sql) {
                return CodeBlock.of("sql($S)", sql);
            }

            @Override
            public CodeBlock serial() {
                return CodeBlock.of("serial()");
            }
        });
    }

    /** {@code "a", "b"}: string arguments. */
    private static CodeBlock args(List<String> values) {
        return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
    }

    /** {@code , "a", "b"}: string arguments after a first one. */
    private static CodeBlock strings(List<String> values) {
        var code = CodeBlock.builder();
        values.forEach(v -> code.add(", $S", v));
        return code.build();
    }
}
