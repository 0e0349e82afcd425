package dev.retort.runtime.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of {@code [user[:password]@]hosts[/database][?query]}, split by SQLAlchemy's grammar
 * (the one the seeds' {@code DATABASE_URL}s are written for): the user name ends at the first
 * {@code :}, the password at the first {@code @}, and may hold {@code /}, {@code ?} and {@code :}.
 * Anything shown of a URL is rebuilt from these parts, so a password never reaches a message by
 * way of the text around it.
 *
 * @param userInfo whether the text had a {@code user@} part
 * @param user the user name as written (percent-escaped), or {@code null}
 * @param password the password as written (percent-escaped), or {@code null}; never shown
 * @param hosts {@code host[:port]}, or several separated by commas; empty when none
 * @param database the path after the hosts without its {@code /}, or {@code null} when there is none
 * @param query the parameters in their order, secret ones included
 */
record UrlParts(boolean userInfo, String user, String password, String hosts, String database, List<Param> query) {

    /**
     * Parameters whose values are credentials: taken out of the URL and handed to the driver apart
     * (pgjdbc's and SQLite's, then MariaDB Connector/J's key and trust stores').
     */
    static final Set<String> SECRET_KEYS = Set.of("password", "sslpassword", "pwd", "keystorepassword",
            "truststorepassword", "keypassword");

    /** One {@code key=value} of the query; {@code value} is {@code null} for a bare key. */
    record Param(String key, String value) {
        boolean secret() {
            return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
        }

        String text() {
            return value == null ? key : key + "=" + value;
        }
    }

    /** Splits {@code rest}, the text after {@code scheme://}. */
    static UrlParts split(String rest) {
        String user = null;
        String password = null;
        boolean userInfo = false;
        String remainder = rest;
        int colon = rest.indexOf(':');
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        // SQLAlchemy: a user name holds no ':' or '/', a password no '@'.
        if (at >= 0 && (slash < 0 || slash > Math.min(at, colon < 0 ? at : colon))) {
            userInfo = true;
            String info = rest.substring(0, at);
            int c = info.indexOf(':');
            user = c < 0 ? info : info.substring(0, c);
            password = c < 0 ? null : info.substring(c + 1);
            remainder = rest.substring(at + 1);
        }
        int question = remainder.indexOf('?');
        String beforeQuery = question < 0 ? remainder : remainder.substring(0, question);
        List<Param> query = question < 0 ? List.of() : params(remainder.substring(question + 1));
        int path = beforeQuery.indexOf('/');
        String hosts = path < 0 ? beforeQuery : beforeQuery.substring(0, path);
        String database = path < 0 ? null : beforeQuery.substring(path + 1);
        return new UrlParts(userInfo, user, password, hosts, database, query);
    }

    /** {@code path[?query]} with no hosts and no user: {@code jdbc:postgresql:database}, an SQLite file. */
    static UrlParts local(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return new UrlParts(false, null, null, "", q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? List.of() : params(pathAndQuery.substring(q + 1)));
    }

    static List<Param> params(String query) {
        var params = new ArrayList<Param>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.add(eq < 0 ? new Param(pair, null) : new Param(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return params;
    }

    /** The parameters that are no credentials nor among {@code dropped}, as {@code ?a=b&c=d}, or empty. */
    String query(Set<String> dropped) {
        var kept = new StringBuilder();
        for (Param p : query) {
            if (!p.secret() && !dropped.contains(p.key().toLowerCase(Locale.ROOT))) {
                kept.append(kept.length() == 0 ? '?' : '&').append(p.text());
            }
        }
        return kept.toString();
    }

    /** The value of the last parameter named {@code key} (as drivers read them), or {@code null}. */
    String param(String key) {
        String value = null;
        for (Param p : query) {
            if (p.key().equalsIgnoreCase(key)) {
                value = p.value() == null ? "" : p.value();
            }
        }
        return value;
    }

    /**
     * {@code prefix user:***@hosts/database?a=b&password=***}: what may be shown of these parts;
     * just {@code prefix***} when the split may have put part of a password elsewhere.
     */
    String shownMasked(String prefix) {
        if (!unambiguous()) {
            return prefix + "***";
        }
        return prefix + (userInfo ? user + (password == null ? "" : ":***") + "@" : "") + hosts
                + (database == null ? "" : "/" + database) + maskedQuery(query);
    }

    /**
     * Whether every part is what it says: no {@code @} left outside the user part (a second one,
     * or one after a {@code /} in the user name, means the password did not end where the split
     * ended it) and every port a number (a {@code user:password} with its {@code @} left out
     * reads as {@code host:port}). A URL the parser refuses is typically one of these.
     */
    private boolean unambiguous() {
        if (hosts.contains("@") || (database != null && database.contains("@"))
                || query.stream().anyMatch(p -> p.text().contains("@"))) {
            return false;
        }
        for (String host : hosts.split(",", -1)) {
            String rest = host.startsWith("[") && host.contains("]") ? host.substring(host.indexOf(']') + 1) : host;
            int colon = rest.indexOf(':');
            if (colon >= 0 && !rest.substring(colon + 1).matches("[0-9]{0,5}")) {
                return false;
            }
        }
        return true;
    }

    /** {@code ?a=b&password=***}, or empty. */
    static String maskedQuery(List<Param> query) {
        var shown = new StringBuilder();
        for (Param p : query) {
            shown.append(shown.length() == 0 ? '?' : '&').append(p.secret() ? p.key() + "=***" : p.text());
        }
        return shown.toString();
    }
}
