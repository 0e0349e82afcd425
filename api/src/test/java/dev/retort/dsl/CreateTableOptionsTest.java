package dev.retort.dsl;

import static dev.retort.schema.SqlType.BIGINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.op.CreateTable;
import dev.retort.schema.TableName;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * MySQL's table options ride on {@code createTable} without moving any migration's checksum: a
 * table without options prints exactly as the record did before they existed.
 */
class CreateTableOptionsTest {

    private static CreateTable recorded(Consumer<TableBuilder> spec) {
        var ops = new Ops();
        ops.createTable("t", t -> spec.accept(t.column("id", BIGINT)));
        return (CreateTable) ops.recorded().get(0);
    }

    @Test
    void withoutOptionsTheTextIsTheRecordsOwn() {
        CreateTable plain = recorded(t -> { });
        assertEquals("CreateTable[table=" + plain.table() + ", columns=" + plain.columns() + ", constraints="
                + plain.constraints() + ", comment=null, ifNotExists=false]", plain.toString());
        assertEquals(Map.of(), plain.options());
    }

    @Test
    void optionsAreSortedIntoTheTextAndChecked() {
        CreateTable withOptions = recorded(t -> t.mysqlCollate("utf8mb4_bin").mysqlEngine("InnoDB"));
        assertEquals("{mysql_collate=utf8mb4_bin, mysql_engine=InnoDB}", withOptions.options().toString());
        assertTrue(withOptions.toString().endsWith(", ifNotExists=false, options={mysql_collate=utf8mb4_bin,"
                + " mysql_engine=InnoDB}]"), withOptions.toString());

        var bad = assertThrows(IllegalArgumentException.class, () -> recorded(t -> t.mysqlEngine("InnoDB; DROP")));
        assertEquals("table t: mysql_engine must be a name such as InnoDB or utf8mb4, not 'InnoDB; DROP'", bad.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> new CreateTable(TableName.of("t"),
                recorded(t -> { }).columns(), List.of(), null, false, Map.of("pg_fillfactor", "70")));
        assertEquals("table t: no table option is called pg_fillfactor; use mysql_charset, mysql_collate, mysql_engine",
                unknown.getMessage());
    }
}
