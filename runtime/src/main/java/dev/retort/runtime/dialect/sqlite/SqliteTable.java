package dev.retort.runtime.dialect.sqlite;

import dev.retort.runtime.dialect.sqlite.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A SQLite table definition as {@code CREATE TABLE} text holds it: columns with their type and
 * constraint clauses, table constraints, table options, each clause kept exactly as written. A
 * rebuild changes only what the migration changes and writes everything else back verbatim,
 * including what Retort has no op for (collations, generated columns, STRICT).
 */
final class SqliteTable {

    /** A column: its name, declared type (possibly empty), and constraint clauses in order. */
    record Column(String name, String type, List<String> clauses) {
        Column {
            clauses = List.copyOf(clauses);
        }

        boolean has(String keyword) {
            return clauses.stream().anyMatch(c -> startsWith(c, keyword));
        }

        /** Whether the column is generated ({@code GENERATED ALWAYS AS …} or {@code AS …}): no insert may name it. */
        boolean generated() {
            return has("GENERATED") || has("AS");
        }

        Column withType(String newType) {
            return new Column(name, newType, clauses);
        }

        Column without(String keyword) {
            return new Column(name, type, clauses.stream().filter(c -> !startsWith(c, keyword)).toList());
        }

        Column with(String clause) {
            var all = new ArrayList<>(clauses);
            all.add(clause);
            return new Column(name, type, all);
        }
    }

    /**
     * A table constraint.
     *
     * @param name its name, or {@code null} when unnamed
     * @param kind PRIMARY, UNIQUE, CHECK or FOREIGN
     * @param columns the columns of a key, unique or foreign key (none for a check)
     * @param body the text after {@code CONSTRAINT name}
     */
    record TableConstraint(String name, String kind, List<String> columns, String body) {
        TableConstraint {
            columns = List.copyOf(columns);
        }
    }

    private final String name;
    private final List<Column> columns;
    private final List<TableConstraint> constraints;
    private final String options;

    SqliteTable(String name, List<Column> columns, List<TableConstraint> constraints, String options) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.constraints = List.copyOf(constraints);
        this.options = options;
    }

    String name() {
        return name;
    }

    List<Column> columns() {
        return columns;
    }

    List<TableConstraint> constraints() {
        return constraints;
    }

    Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    SqliteTable withColumns(List<Column> newColumns) {
        return new SqliteTable(name, newColumns, constraints, options);
    }

    SqliteTable withConstraints(List<TableConstraint> newConstraints) {
        return new SqliteTable(name, columns, newConstraints, options);
    }

    /** {@code CREATE TABLE} for this definition, under another name when rebuilding. */
    String createSql(String qualifiedName, java.util.function.UnaryOperator<String> quote) {
        var items = new ArrayList<String>();
        for (Column c : columns) {
            items.add((quote.apply(c.name()) + (c.type().isEmpty() ? "" : " " + c.type())
                    + (c.clauses().isEmpty() ? "" : " " + String.join(" ", c.clauses()))));
        }
        for (TableConstraint t : constraints) {
            items.add((t.name() == null ? "" : "CONSTRAINT " + quote.apply(t.name()) + " ") + t.body());
        }
        return "CREATE TABLE " + qualifiedName + " (" + String.join(", ", items) + ")"
                + (options.isEmpty() ? "" : " " + options);
    }

    // ---- parsing ----

    private static final List<String> COLUMN_CLAUSES = List.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
            "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");
    private static final List<String> TABLE_CONSTRAINTS = List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    /**
     * Reads a {@code CREATE TABLE} statement as SQLite stores it.
     *
     * @throws IllegalArgumentException when the statement is not one this parser understands
     *     (then Retort will not rebuild the table rather than lose part of it)
     */
    static SqliteTable parse(String sql) {
        List<Token> t = SqlTokens.of(sql);
        int i = 0;
        expect(t, i++, "CREATE");
        if (t.get(i).is("TEMP") || t.get(i).is("TEMPORARY")) {
            i++;
        }
        expect(t, i++, "TABLE");
        if (t.get(i).is("IF")) {
            i += 3;
        }
        String tableName = t.get(i).name();
        if (i + 2 < t.size() && t.get(i + 1).is(".")) {
            i += 2;
            tableName = t.get(i).name();
        }
        i++;
        if (!t.get(i).is("(")) {
            throw new IllegalArgumentException("only CREATE TABLE … ( … ) can be rebuilt, not CREATE TABLE … AS SELECT");
        }
        int close = SqlTokens.matching(t, i);
        var columns = new ArrayList<Column>();
        var constraints = new ArrayList<TableConstraint>();
        for (List<Token> item : split(t.subList(i + 1, close))) {
            if (TABLE_CONSTRAINTS.stream().anyMatch(k -> item.get(0).is(k)) && !isColumnNamedLikeKeyword(item)) {
                constraints.add(tableConstraint(sql, item));
            } else {
                columns.add(column(sql, item));
            }
        }
        String options = close + 1 < t.size() ? sql.substring(t.get(close + 1).start()).strip() : "";
        return new SqliteTable(tableName, columns, constraints, options);
    }

    /** {@code "unique" TEXT} is a column whose quoted name is a keyword, not a constraint. */
    private static boolean isColumnNamedLikeKeyword(List<Token> item) {
        return item.get(0).quotedName();
    }

    private static Column column(String sql, List<Token> item) {
        String columnName = item.get(0).name();
        int i = 1;
        int typeStart = i;
        while (i < item.size() && !isClauseStart(item, i)) {
            i = item.get(i).is("(") ? SqlTokens.matching(item, i) + 1 : i + 1;
        }
        String type = i > typeStart ? text(sql, item, typeStart, i - 1) : "";
        var clauses = new ArrayList<String>();
        while (i < item.size()) {
            int start = i;
            i = clauseEnd(item, i);
            clauses.add(text(sql, item, start, i - 1));
        }
        return new Column(columnName, type, clauses);
    }

    private static boolean isClauseStart(List<Token> item, int i) {
        Token token = item.get(i);
        return !token.quotedName() && COLUMN_CLAUSES.contains(token.upper());
    }

    /** Where the clause starting at {@code i} ends (exclusive), reading each kind's own grammar. */
    private static int clauseEnd(List<Token> item, int i) {
        String keyword = item.get(i).upper();
        int j = i + 1;
        if (keyword.equals("CONSTRAINT")) {
            return clauseEnd(item, j + 1); // CONSTRAINT name <clause>
        }
        if (keyword.equals("DEFAULT")) {
            if (item.get(j).is("(")) {
                return SqlTokens.matching(item, j) + 1;
            }
            if (item.get(j).is("-") || item.get(j).is("+")) {
                j++;
            }
            return j + 1;
        }
        if (keyword.equals("REFERENCES")) {
            while (j < item.size()) {
                Token token = item.get(j);
                if (token.is("(")) {
                    j = SqlTokens.matching(item, j) + 1;
                } else if (token.is("NOT") && j + 1 < item.size() && item.get(j + 1).is("DEFERRABLE")) {
                    j += 2;
                } else if (isClauseStart(item, j) && !token.is("NULL")) {
                    return j;
                } else if (token.is("NULL") && !(item.get(j - 1).is("SET"))) {
                    return j;
                } else {
                    j++;
                }
            }
            return j;
        }
        while (j < item.size()) {
            Token token = item.get(j);
            if (token.is("(")) {
                j = SqlTokens.matching(item, j) + 1;
            } else if (isClauseStart(item, j) && !(keyword.equals("NOT") && token.is("NULL") && j == i + 1)
                    && !(keyword.equals("GENERATED") && token.is("AS"))) {
                return j;
            } else {
                j++;
            }
        }
        return j;
    }

    private static TableConstraint tableConstraint(String sql, List<Token> item) {
        String constraintName = null;
        int i = 0;
        if (item.get(0).is("CONSTRAINT")) {
            constraintName = item.get(1).name();
            i = 2;
        }
        String kind = item.get(i).upper();
        var columns = new ArrayList<String>();
        if (!kind.equals("CHECK")) {
            int open = i + 1;
            while (!item.get(open).is("(")) {
                open++;
            }
            int close = SqlTokens.matching(item, open);
            for (List<Token> part : split(item.subList(open + 1, close))) {
                columns.add(part.get(0).name());
            }
        }
        return new TableConstraint(constraintName, kind, columns, text(sql, item, i, item.size() - 1));
    }

    /** Splits a list of tokens at top-level commas. */
    private static List<List<Token>> split(List<Token> tokens) {
        var parts = new ArrayList<List<Token>>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
            } else if (tokens.get(i).is(",") && depth == 0) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return parts;
    }

    private static String text(String sql, List<Token> tokens, int from, int to) {
        return sql.substring(tokens.get(from).start(), tokens.get(to).end());
    }

    private static void expect(List<Token> tokens, int i, String keyword) {
        if (i >= tokens.size() || !tokens.get(i).is(keyword)) {
            throw new IllegalArgumentException("expected " + keyword + " in the table's definition");
        }
    }

    static boolean startsWith(String clause, String keyword) {
        String upper = clause.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CONSTRAINT")) {
            List<Token> t = SqlTokens.of(clause);
            upper = t.size() > 2 ? t.get(2).upper() : upper;
            return upper.equals(keyword) || keyword.equals("CONSTRAINT");
        }
        return upper.equals(keyword) || upper.startsWith(keyword + " ") || upper.startsWith(keyword + "(")
                || upper.startsWith(keyword + "\t") || upper.startsWith(keyword + "\n");
    }

    @Override
    public String toString() {
        return name + columns.stream().map(Column::name).collect(Collectors.joining(", ", "(", ")"));
    }
}
