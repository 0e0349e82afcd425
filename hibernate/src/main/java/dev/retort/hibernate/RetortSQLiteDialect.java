package dev.retort.hibernate;

import java.sql.Types;
import java.util.List;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.unique.CreateTableUniqueDelegate;
import org.hibernate.dialect.unique.UniqueDelegate;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.internal.StandardTableExporter;
import org.hibernate.tool.schema.spi.Exporter;

/**
 * Hibernate's community SQLite dialect with the constraints it leaves out put back, inside
 * {@code CREATE TABLE}, the one place SQLite accepts them: it has no {@code ALTER TABLE ... ADD
 * CONSTRAINT}, so the community dialect ({@code hasAlterTable()} false) creates no foreign keys,
 * and its unique delegate writes nothing for a table-level unique constraint. The JPA model
 * source uses it for {@code sqlite} unless {@code model.hibernate.dialect} names another; a
 * project's own dialect may extend it, and an application may name it to validate its schema
 * (see {@link #equivalentTypes}).
 *
 * <p>Everything JPA decides stays Hibernate's: the keys, their names, columns, targets and
 * {@code @OnDelete} actions are read from Hibernate's mapping; only where they are written moves.
 * A foreign key may name a table created later: SQLite resolves references when rows are
 * written, not when tables are created.
 */
public class RetortSQLiteDialect extends SQLiteDialect {

    private final UniqueDelegate uniques = new CreateTableUniqueDelegate(this);
    private final Exporter<Table> tables = new TableExporter(this);

    public RetortSQLiteDialect() {
    }

    /** The constructor Hibernate calls when it is given the connection's metadata. */
    public RetortSQLiteDialect(DialectResolutionInfo info) {
        super(info);
    }

    public RetortSQLiteDialect(DatabaseVersion version) {
        super(version);
    }

    /** Column uniques as {@code unique} on the column, table ones as {@code constraint name unique (...)}. */
    @Override
    public UniqueDelegate getUniqueDelegate() {
        return uniques;
    }

    @Override
    public Exporter<Table> getTableExporter() {
        return tables;
    }

    /**
     * SQLite's integer types as one, as SQLite takes them: every one is a 64-bit integer. Without
     * this, Hibernate's schema validation rejects the schema Hibernate itself creates: an identity
     * {@code Long} id must be declared {@code integer} to be the rowid (so SQLite numbers it), and
     * the validation expects {@code bigint}. An application on SQLite that validates its schema
     * ({@code hibernate.hbm2ddl.auto=validate}) names this dialect for that.
     */
    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2) || isInteger(typeCode1) && isInteger(typeCode2);
    }

    private static boolean isInteger(int typeCode) {
        return typeCode == Types.TINYINT || typeCode == Types.SMALLINT || typeCode == Types.INTEGER
                || typeCode == Types.BIGINT;
    }

    /** Hibernate's table exporter, with each of the table's foreign keys added as a table constraint. */
    private static final class TableExporter extends StandardTableExporter {

        TableExporter(SQLiteDialect dialect) {
            super(dialect);
        }

        /**
         * The table checks, then the foreign keys. Not a check, but the last hook before the closing
         * parenthesis of {@code CREATE TABLE}; the standard exporter has none meant for constraints.
         */
        @Override
        protected void applyTableCheck(Table table, StringBuilder sql) {
            super.applyTableCheck(table, sql);
            for (ForeignKey key : table.getForeignKeyCollection()) {
                // Those Hibernate would not create either: ConstraintMode.NO_CONSTRAINT, or no physical key.
                if (key.isCreationEnabled() && key.isPhysicalConstraint()) {
                    sql.append(", ").append(constraint(key));
                }
            }
        }

        private String constraint(ForeignKey key) {
            var sql = new StringBuilder("constraint ").append(dialect.quote(key.getName())).append(' ');
            if (key.getKeyDefinition() != null) {
                // @ForeignKey(foreignKeyDefinition = "foreign key (...) references ..."), written as given.
                return sql.append(key.getKeyDefinition()).toString();
            }
            sql.append("foreign key (").append(names(key.getColumns())).append(") references ")
                    .append(key.getReferencedTable().getQuotedName(dialect)).append(" (")
                    .append(names(key.isReferenceToPrimaryKey() ? key.getReferencedTable().getPrimaryKey().getColumns()
                            : key.getReferencedColumns()))
                    .append(')');
            OnDeleteAction onDelete = key.getOnDeleteAction();
            if (onDelete != null && onDelete != OnDeleteAction.NO_ACTION) {
                sql.append(" on delete ").append(onDelete.toSqlString());
            }
            if (key.getOptions() != null && !key.getOptions().isBlank()) {
                sql.append(' ').append(key.getOptions());
            }
            return sql.toString();
        }

        private String names(List<Column> columns) {
            return String.join(", ", columns.stream().map(c -> c.getQuotedName(dialect)).toList());
        }
    }
}
