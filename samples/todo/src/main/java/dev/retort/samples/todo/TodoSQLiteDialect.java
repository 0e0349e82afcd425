package dev.retort.samples.todo;

import java.sql.Types;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.type.SqlTypes;

/**
 * Hibernate's SQLite dialect, checking the schema as SQLite keeps it: a column's declared type is only a hint
 * there, and the driver reports the migrations' {@code DATETIME} (what {@code TIMESTAMP_TZ} is on SQLite) as
 * text, which is what {@code CURRENT_TIMESTAMP} writes. Only {@code ddl-auto=validate}'s comparison changes.
 */
public class TodoSQLiteDialect extends SQLiteDialect {

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2)
                || timestamp(typeCode1) && typeCode2 == Types.VARCHAR
                || timestamp(typeCode2) && typeCode1 == Types.VARCHAR;
    }

    private static boolean timestamp(int typeCode) {
        return typeCode == SqlTypes.TIMESTAMP || typeCode == SqlTypes.TIMESTAMP_UTC
                || typeCode == SqlTypes.TIMESTAMP_WITH_TIMEZONE;
    }
}
