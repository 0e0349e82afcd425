package dev.retort.runtime.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite SQL into tokens that remember where they stand in the text, so a parsed clause
 * can be copied back exactly as written (quotes, case and spacing kept).
 */
final class SqlTokens {

    /** One token: a word, a quoted name, a string, a number, or one punctuation character. */
    record Token(String text, int start, int end, boolean quotedName) {

        /** The name a token stands for: quotes removed and doubled quotes undone. */
        String name() {
            if (!quotedName) {
                return text;
            }
            char open = text.charAt(0);
            String inner = text.substring(1, text.length() - 1);
            return switch (open) {
                case '"' -> inner.replace("\"\"", "\"");
                case '`' -> inner.replace("``", "`");
                default -> inner;
            };
        }

        boolean is(String keyword) {
            return !quotedName && text.equalsIgnoreCase(keyword);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '`' || c == '\'') {
                int end = closing(sql, i, c, c);
                tokens.add(new Token(sql.substring(i, end), i, end, c != '\''));
                i = end;
            } else if (c == '[') {
                int end = sql.indexOf(']', i) + 1;
                if (end == 0) {
                    throw new IllegalArgumentException("unclosed [ in " + sql);
                }
                tokens.add(new Token(sql.substring(i, end), i, end, true));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$' || sql.charAt(end) > 127 || sql.charAt(end) == '.'
                                && end + 1 < n && Character.isDigit(sql.charAt(end + 1)) && Character.isDigit(sql.charAt(i)))) {
                    end++;
                }
                tokens.add(new Token(sql.substring(i, end), i, end, false));
                i = end;
            } else {
                tokens.add(new Token(String.valueOf(c), i, i + 1, false));
                i++;
            }
        }
        return tokens;
    }

    /** The end (exclusive) of a quoted run starting at {@code start}, where a doubled quote stays inside. */
    private static int closing(String sql, int start, char open, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed " + open + " in " + sql);
    }

    /** The index of the token that closes the parenthesis opened at {@code open}. */
    static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses");
    }
}
