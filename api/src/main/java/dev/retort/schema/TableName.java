package dev.retort.schema;

/**
 * A schema-qualified name of a table, index, type, sequence or view. A {@code null} schema means
 * the connection's default schema ({@code search_path} on PostgreSQL, {@code main} on SQLite).
 */
public record TableName(String schema, String name) {

    public TableName {
        Names.check(name, "name");
        if (schema != null) {
            Names.check(schema, "schema name");
        }
    }

    public static TableName of(String name) {
        return new TableName(null, name);
    }

    /** The same schema, another name: where a rename or an index lands. */
    public TableName withName(String newName) {
        return new TableName(schema, newName);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
