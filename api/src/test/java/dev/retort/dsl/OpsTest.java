package dev.retort.dsl;

import static dev.retort.schema.SqlType.BIGINT;
import static dev.retort.schema.SqlType.TEXT;
import static dev.retort.schema.SqlType.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.Migration;
import dev.retort.op.AddColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.IrreversibleOpException;
import dev.retort.op.RenameColumn;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.ServerDefault;
import dev.retort.schema.TableName;
import org.junit.jupiter.api.Test;

class OpsTest {

    @Test
    void recordsOpsInOrderAndExecutesNothing() {
        var op = new Ops();
        op.createTable("users", t -> t
                .column("id", BIGINT, c -> c.primaryKey().identity())
                .column("email", varchar(255), c -> c.notNull().unique()));
        op.createIndex("ix_users_email", "users", "email");
        assertEquals(2, op.recorded().size());
        var create = (CreateTable) op.recorded().get(0);
        assertEquals(TableName.of("users"), create.table());
        assertTrue(create.columns().get(0).identity());
        assertFalse(create.columns().get(1).nullable());
        assertTrue(create.columns().get(1).unique());
    }

    @Test
    void columnsAreNullableUnlessSaidOtherwise() {
        var op = new Ops();
        op.addColumn("users", "bio", TEXT);
        assertTrue(((AddColumn) op.recorded().get(0)).column().nullable());
    }

    @Test
    void defaultDowngradeReversesInReverseOrder() {
        Migration migration = op -> {
            op.createTable("users", t -> t.column("id", BIGINT, c -> c.primaryKey()));
            op.addColumn("users", "name", TEXT, c -> c.serverDefault("x"));
            op.renameColumn("users", "name", "full_name");
            op.createIndex("ix_users_full_name", "users", "full_name");
        };
        var down = new Ops();
        migration.downgrade(down);
        assertEquals(4, down.recorded().size());
        assertTrue(down.recorded().get(0) instanceof DropIndex);
        assertEquals(new RenameColumn(TableName.of("users"), "full_name", "name"), down.recorded().get(1));
        var drop = (DropColumn) down.recorded().get(2);
        assertEquals(ServerDefault.value("x"), drop.definition().serverDefault());
        assertTrue(down.recorded().get(3) instanceof DropTable);
    }

    @Test
    void irreversibleOpIsNamedInTheError() {
        Migration migration = op -> {
            op.addColumn("users", "name", TEXT);
            op.execute("UPDATE users SET name = 'x'");
        };
        var e = assertThrows(IrreversibleOpException.class, () -> migration.downgrade(new Ops()));
        assertEquals("execute(\"UPDATE users SET name = 'x'\") cannot be reversed: give the statement that undoes it,"
                + " op.execute(sql, reverseSql), or write downgrade()", e.getMessage());
    }

    @Test
    void dropsCarryingTheirDefinitionReverse() {
        var op = new Ops();
        op.dropTable("t", t -> t.column("id", BIGINT));
        op.dropColumn("t", "c", TEXT);
        op.dropIndex("ix", "t", i -> i.columns("c").unique());
        var reversed = new Ops();
        reversed.reverseOf(o -> op.recorded().forEach(o::add));
        assertEquals(3, reversed.recorded().size());
    }

    @Test
    void dropWithoutDefinitionIsIrreversible() {
        var op = new Ops();
        op.dropTable("t");
        assertThrows(IrreversibleOpException.class, () -> op.recorded().get(0).reverse());
    }

    @Test
    void buildersRejectWhatNoDatabaseAccepts() {
        var op = new Ops();
        assertThrows(IllegalArgumentException.class, () -> op.createTable("t", t -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> op.createTable("t", t -> t.column("a", BIGINT).column("a", TEXT)));
        assertThrows(IllegalArgumentException.class, () -> op.addColumn("t", "a", TEXT, c -> c.identity()));
        assertThrows(IllegalStateException.class, () -> op.addColumn("t", "a", BIGINT, c -> c.onDelete(ReferentialAction.CASCADE)));
        assertThrows(IllegalArgumentException.class, () -> op.addColumn("t", "", TEXT));
        assertThrows(IllegalArgumentException.class, () -> op.addColumn("x".repeat(64), "a", TEXT));
    }

    @Test
    void schemaViewQualifiesTablesAndSharesTheList() {
        var op = new Ops();
        op.inSchema("billing").addColumn("invoices", "total", BIGINT);
        op.addColumn("users", "name", TEXT);
        assertEquals(new TableName("billing", "invoices"), ((AddColumn) op.recorded().get(0)).table());
        assertEquals(2, op.recorded().size());
    }

    @Test
    void opsMissingWhatTheirReverseNeedsSayWhatToAdd() {
        var cases = new java.util.LinkedHashMap<java.util.function.Consumer<Ops>, String>();
        cases.put(op -> op.alterColumn("users", "email", a -> a.notNull()),
                "alterColumn(users.email) cannot be reversed: give the column's old existingNullable(...) in the alterColumn"
                        + " spec, or write downgrade()");
        cases.put(op -> op.dropEnum("mood"), "dropEnum(mood) cannot be reversed: give the enum's values,"
                + " op.dropEnum(\"mood\", \"value\", ...), or write downgrade()");
        cases.put(op -> op.addEnumValue("mood", "meh"), "addEnumValue(mood, meh) cannot be reversed: PostgreSQL cannot"
                + " remove an enum value; write downgrade() (for example recreate the type without it)");
        cases.put(op -> op.replaceView("v", "SELECT 1"), "replaceView(v) cannot be reversed: give the view's previous"
                + " query, op.replaceView(\"v\", query, previousQuery), or write downgrade()");
        cases.put(op -> op.bulkInsert("users", r -> r.columns("id").row(1)), "bulkInsert(users, 1 rows) cannot be reversed:"
                + " write downgrade() with the statement that removes the rows");
        cases.put(op -> op.run("fill", c -> { }), "run(\"fill\") cannot be reversed: give the code that undoes it,"
                + " op.run(description, work, reverse), or write downgrade()");
        cases.put(op -> op.dropSchema("s", DropOption.CASCADE), "dropSchema(s) cannot be reversed: a cascading drop loses"
                + " what the schema held; write downgrade()");
        var actual = new java.util.ArrayList<String>();
        for (var c : cases.keySet()) {
            var op = new Ops();
            c.accept(op);
            actual.add(assertThrows(IrreversibleOpException.class, () -> op.recorded().get(0).reverse()).getMessage());
        }
        assertEquals(String.join("\n", cases.values()), String.join("\n", actual));
    }

    @Test
    void enumColumnsOfTablesInASchemaUseThatSchemasType() {
        var op = new Ops();
        op.inSchema("billing").addColumn("invoices", "state", dev.retort.schema.SqlType.enumOf("state", "open"));
        var type = (dev.retort.schema.EnumType) ((AddColumn) op.recorded().get(0)).column().type();
        assertEquals(new TableName("billing", "state"), type.name());
    }

    @Test
    void aBatchReversesAsABlock() {
        var op = new Ops();
        op.batchAlterTable("users", b -> b
                .addColumn("nick", TEXT)
                .renameColumn("email", "mail"));
        var reverse = (dev.retort.op.BatchAlterTable) op.recorded().get(0).reverse();
        assertEquals(java.util.List.of(new RenameColumn(TableName.of("users"), "mail", "email"),
                new DropColumn(TableName.of("users"), "nick", ((AddColumn) ((dev.retort.op.BatchAlterTable) op.recorded().get(0))
                        .ops().get(0)).column())), reverse.ops());
    }
}
