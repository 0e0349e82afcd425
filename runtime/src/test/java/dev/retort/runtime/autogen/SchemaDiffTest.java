package dev.retort.runtime.autogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RetortException;
import dev.retort.op.Op;
import dev.retort.runtime.introspect.Catalog;
import dev.retort.runtime.introspect.CatalogDiff;
import dev.retort.runtime.introspect.TableInfo;
import dev.retort.runtime.introspect.TableInfo.ColumnInfo;
import dev.retort.runtime.introspect.TableInfo.ForeignKeyInfo;
import dev.retort.runtime.introspect.TableInfo.KeyInfo;
import dev.retort.schema.NamingConvention;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order and notes of what autogenerate writes, on catalogs made by hand: no database needed. */
class SchemaDiffTest {

    private static final Catalog EMPTY = catalog(List.of());

    @Test
    void referredTablesComeFirstAndACycleIsClosedOnceBothTablesExist() {
        TableInfo teams = table("teams", List.of(fk("captain_id", "players")));
        TableInfo players = table("players", List.of(fk("team_id", "teams")));
        TableInfo scores = table("scores", List.of(fk("player_id", "players")));
        List<String> ops = described(diff(EMPTY, catalog(List.of(scores, teams, players))));
        assertEquals(List.of("createTable(players)", "createTable(scores)", "createTable(teams)", "addConstraint(players)"), ops,
                "players waits for teams and teams for players: players goes first without its key, which comes last");
        List<String> drops = described(diff(catalog(List.of(scores, teams, players)), EMPTY));
        assertEquals(List.of("dropConstraint(players)", "dropTable(teams)", "dropTable(scores)", "dropTable(players)"), drops,
                "referring tables go first, the cycle's key before either");
    }

    @Test
    void enumValuesAreAddedWhereTheyBelongAndOneRemovedIsRefused() {
        Catalog before = new Catalog(List.of(), List.of(), List.of(new Catalog.EnumInfo("mood", List.of("calm", "sad"))),
                List.of());
        Catalog after = new Catalog(List.of(), List.of(), List.of(new Catalog.EnumInfo("mood", List.of("bored", "calm",
                "glad", "sad", "wild"))), List.of());
        List<Difference> changes = diff(before, after);
        assertEquals(List.of("AddEnumValue[type=mood, value=bored, before=calm, after=null, ifNotExists=false]",
                "AddEnumValue[type=mood, value=glad, before=null, after=calm, ifNotExists=false]",
                "AddEnumValue[type=mood, value=wild, before=null, after=sad, ifNotExists=false]"),
                changes.stream().map(d -> d.op().toString()).toList());
        assertTrue(changes.get(0).notes().get(0).startsWith("PostgreSQL cannot remove an enum value"));
        var refused = assertThrows(RetortException.class, () -> diff(after, before));
        assertEquals("enum type mood loses or reorders values ([bored, calm, glad, sad, wild] to [calm, sad]), which"
                + " PostgreSQL cannot do in place; write that migration by hand (create a new type, convert the columns,"
                + " drop the old one)", refused.getMessage());
    }

    @Test
    void aLikelyRenameAndLostDataAreSaidAboveTheOps() {
        TableInfo before = new TableInfo("users", List.of(column("id", "bigint", false), column("handle", "character varying(40)",
                true), column("bio", "text", true)), new KeyInfo("users_pkey", List.of("id")), List.of(), List.of(), List.of(),
                List.of(), List.of(), null);
        TableInfo after = new TableInfo("users", List.of(column("id", "bigint", false), column("nickname",
                "character varying(40)", true), column("bio", "character varying(20)", true)),
                new KeyInfo("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        List<Difference> changes = diff(catalog(List.of(before)), catalog(List.of(after)));
        assertEquals(List.of("addColumn(users.nickname)", "alterColumn(users.bio)", "dropColumn(users.handle)"),
                described(changes));
        assertEquals(List.of("column handle goes and nickname comes with the same type: if it is a rename, write"
                + " op.renameColumn(\"users\", \"handle\", \"nickname\") instead, which keeps the data"), changes.get(0).notes());
        assertEquals(List.of("narrows users.bio from TEXT to VARCHAR(20): values that do not fit make it fail, or lose"
                + " precision"), changes.get(1).notes());
        assertEquals(List.of("drops column users.handle and the data in it"), changes.get(2).notes());
    }

    @Test
    void equalCatalogsNeedNothing() {
        Catalog one = catalog(List.of(table("a", List.of()), table("b", List.of(fk("a_id", "a")))));
        assertEquals(List.of(), diff(one, one));
    }

    /**
     * On MySQL a unique index and a unique constraint read back alike, each with its name: one the
     * convention names (uq_users_email) and one named otherwise (ix_users_email) are two keys, and
     * the diff changes one into the other. On SQLite, which keeps no name for many, a missing name
     * still says nothing.
     */
    @Test
    void whereTheCatalogKeepsEveryNameTheConventionsNameIsCompared() {
        TableInfo indexed = users(new KeyInfo("ix_users_email", List.of("email")));
        TableInfo constrained = users(new KeyInfo("uq_users_email", List.of("email")));
        List<Difference> mysql = SchemaDiff.between(catalog(List.of(indexed)), catalog(List.of(constrained)), "mysql",
                NamingConvention.alembic(), CatalogDiff.Equivalence.EXACT, Set.of());
        assertEquals(List.of("dropConstraint(users.ix_users_email)", "addConstraint(users)"), described(mysql));
        List<Difference> sqlite = SchemaDiff.between(catalog(List.of(users(new KeyInfo(null, List.of("email"))))),
                catalog(List.of(constrained)), "sqlite", NamingConvention.alembic(), CatalogDiff.Equivalence.EXACT, Set.of());
        assertEquals(List.of(), described(sqlite));
        assertEquals(List.of(), described(SchemaDiff.between(catalog(List.of(constrained)), catalog(List.of(constrained)),
                "mysql", NamingConvention.alembic(), CatalogDiff.Equivalence.EXACT, Set.of())));
    }

    private static TableInfo users(KeyInfo unique) {
        return new TableInfo("users", List.of(column("id", "bigint", false), column("email", "varchar(100)", true)),
                new KeyInfo("PRIMARY", List.of("id")), List.of(unique), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static List<Difference> diff(Catalog from, Catalog to) {
        return SchemaDiff.between(from, to, "postgresql", NamingConvention.database(), CatalogDiff.Equivalence.EXACT, Set.of());
    }

    private static List<String> described(List<Difference> changes) {
        return changes.stream().map(Difference::op).map(Op::describe).toList();
    }

    private static Catalog catalog(List<TableInfo> tables) {
        return new Catalog(tables, List.of(), List.of(), List.of());
    }

    private static TableInfo table(String name, List<ForeignKeyInfo> keys) {
        var columns = new java.util.ArrayList<ColumnInfo>(List.of(column("id", "bigint", false)));
        keys.forEach(k -> columns.add(column(k.columns().get(0), "bigint", true)));
        return new TableInfo(name, columns, new KeyInfo(name + "_pkey", List.of("id")), List.of(), List.of(), keys, List.of(),
                List.of(), null);
    }

    private static ForeignKeyInfo fk(String column, String table) {
        return new ForeignKeyInfo(null, List.of(column), table, List.of("id"), "NO ACTION", "NO ACTION", false, false);
    }

    private static ColumnInfo column(String name, String type, boolean nullable) {
        return new ColumnInfo(name, type, nullable, null, false, null);
    }
}
