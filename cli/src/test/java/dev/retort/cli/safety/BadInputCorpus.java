package dev.retort.cli.safety;

import dev.retort.cli.Commands;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Malformed command lines for {@link BadInputFuzzTest}, by class: targets no graph resolves,
 * every option of every command with an empty value or a flag with one (taken from the command
 * line's own model, so an option added later is covered too), malformed URLs carrying a password,
 * and values with control characters. Every one must be refused as bad input.
 */
final class BadInputCorpus {

    static final String SECRET = "S3cr3tPw";
    private static final String PUNCTUATION = "!#$%^&*()[]{}<>?/\\|~`'\",;= \t.";

    /** A value each command needs besides the option under test, so the refusal is the option's. */
    private static final Map<String, List<String>> NEEDS = Map.of(
            "downgrade", List.of("base"), "stamp", List.of("base"), "show", List.of("heads"),
            "merge", List.of("heads"), "init", List.of("--package", "com.example.db"));

    private BadInputCorpus() {
    }

    /** Targets no graph resolves: punctuation, unknown ids, broken relative forms, labels that do not exist. */
    static List<String> targets(Random random, int count) {
        // Surrounding whitespace is ignored ("head " is head), so it makes no target malformed by itself.
        var targets = new ArrayList<String>(List.of("+", "++1", "+1+", "head+x",
                "@", "@@", "x@", "head@head", "nolabel@head", "nolabel@+1", "+99", "qa000001+99",
                "base+x", "heads@", "0", "-", "x".repeat(10_000), "ü", "日本", "a\u0000b", "HEAD", "Head", "base@",
                "qa0000", "qa000009", "qa00000z", "1e3", "+1.5", "+0x1", "heads+1+1"));
        while (targets.size() < count) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    var s = new StringBuilder();
                    for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                        s.append(random.nextBoolean() ? PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))
                                : (char) ('A' + random.nextInt(26)));
                    }
                    targets.add(s.toString().isBlank() ? s + "!" : s.toString());
                }
                case 1 -> targets.add("0" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 11)); // no such id
                default -> targets.add(word(random, 3) + "@" + (random.nextBoolean() ? "head" : "+" + random.nextInt(5)));
            }
        }
        return targets;
    }

    /**
     * Every option of every command given an empty value ({@code --url=}, {@code --dialect ""})
     * and every flag given any value ({@code --sql=}, {@code --strict=false}): the forms a script
     * produces when a variable is empty. Read from the command line's model.
     */
    static List<List<String>> emptyValues() {
        CommandSpec top = Commands.everyCommand().getCommandSpec();
        var lines = new ArrayList<List<String>>();
        for (var entry : top.subcommands().entrySet()) {
            String command = entry.getKey();
            for (OptionSpec option : entry.getValue().getCommandSpec().options()) {
                for (String name : option.names()) {
                    Set<List<String>> forms = new LinkedHashSet<>();
                    if (option.arity().max() == 0) {
                        for (String value : List.of("", "false", "true", "0", "no")) {
                            forms.add(List.of(name + "=" + value));
                        }
                    } else {
                        forms.add(List.of(name + "="));
                        forms.add(List.of(name, ""));
                        forms.add(List.of(name, " "));
                    }
                    for (List<String> form : forms) {
                        var line = new ArrayList<String>();
                        line.add(command);
                        line.addAll(form);
                        if (!form.get(0).startsWith("--package")) {
                            line.addAll(NEEDS.getOrDefault(command, List.of()));
                        }
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }

    /** Offline requests spelled every wrong way: each must be refused, never run online. */
    static List<List<String>> offlineSpellings() {
        var lines = new ArrayList<List<String>>();
        for (String command : List.of("upgrade", "downgrade", "stamp")) {
            for (String sql : List.of("--sql=", "--sql=false", "--sql=base:head", "--sql=qa000001:base", "--sql= ",
                    "--SQL", "--sq", "-sql")) {
                lines.add(List.of(command, sql, "base"));
                lines.add(List.of(command, "base", sql));
            }
            lines.add(List.of(command, "--sql", "--sql", "base"));
        }
        return lines;
    }

    /**
     * URLs that cannot be used, each with the password {@value #SECRET} somewhere in it: reserved
     * characters left unencoded, bad percent-escapes, bad ports, no host, no database, JDBC forms
     * with {@code password=}, control characters.
     */
    static List<String> malformedUrls(Random random, int count) {
        var urls = new ArrayList<String>(List.of(" ", "://", "postgresql://", "postgresql:///db",
                "postgresql://u:" + SECRET + "@host:notaport/db", "postgresql://u:" + SECRET + "@host:70000/db",
                "postgresql://u:" + SECRET + "@host:5432", "postgresql://u:" + SECRET + "@host:5432/",
                "postgresql+asyncpg://u:" + SECRET + "@:5432/db", "mysql://u:" + SECRET + "@host/",
                "jdbc:mysql://host:x/db?password=" + SECRET, "mysql+pymysql://u:" + SECRET + "@h/db?ssl_key=/k.pem",
                "jdbc:", "jdbc:foo:bar", "sqlite:/x.db", "sqlite:x.db",
                "sqlite://relative.db", "file:///tmp/x.db", "x.db", "mongodb://u:" + SECRET + "@h/db",
                // the issue's cases: an unencoded '/' or '@' in the password, a bad escape
                "postgresql://u:ab/" + SECRET + "cd@127.0.0.1:notaport/db",
                "postgresql://u:ab@" + SECRET + "@127.0.0.1:5432/db",
                "postgresql://u%zz:" + SECRET + "@127.0.0.1/db", "postgresql://u:" + SECRET + "%zz@127.0.0.1/db",
                "postgresql://u:" + SECRET + "%4@127.0.0.1/db", "postgresql://u:" + SECRET + "%@127.0.0.1/db",
                "postgresql://u:" + SECRET + "@127.0.0.1/d%zzb", "postgres://u:" + SECRET + "@127.0.0.1/db?x=%g0",
                "postgresql://u:" + SECRET + "/db", "postgresql://" + SECRET + ":" + SECRET + "/db",
                "postgresql://u/x:" + SECRET + "@h/db", "postgresql://u:p@h/db@" + SECRET,
                "postgresql://u:" + SECRET + "\u0007@h/db", "postgresql://u:" + SECRET + "@h/db\r\nx",
                "jdbc:postgresql://", "jdbc:postgresql:", "jdbc:postgresql:/", "jdbc:postgresql://127.0.0.1/",
                "jdbc:postgresql://127.0.0.1:5432/?user=u&password=" + SECRET,
                "jdbc:postgresql://127.0.0.1:x/db?password=" + SECRET,
                "jdbc:postgresql://127.0.0.1/db?password=" + SECRET + "%zz",
                "jdbc:postgresql://127.0.0.1/d%zzb?password=" + SECRET,
                "jdbc:postgresql://u:" + SECRET + "@127.0.0.1:x/db",
                "jdbc:postgresql://127.0.0.1/db?password=" + SECRET + "\u001b[2J"));
        while (urls.size() < count) {
            switch (random.nextInt(6)) {
                case 0 -> urls.add(word(random, 2 + random.nextInt(6)) + "://u:" + SECRET + "@h" + random.nextInt(100) + "/db");
                case 1 -> urls.add("jdbc:" + word(random, 3 + random.nextInt(5)) + "://h/db?password=" + SECRET);
                case 2 -> urls.add("postgresql://u:" + SECRET + "@host:" + word(random, 1 + random.nextInt(4)) + "/db");
                case 3 -> urls.add("postgresql://u:" + SECRET.substring(0, 4) + PUNCTUATION.charAt(random.nextInt(4))
                        + "%" + word(random, 1) + "z" + SECRET.substring(4) + "@h/db");
                case 4 -> urls.add("jdbc:postgresql://h:" + word(random, 2) + "/db?user=u&password=" + SECRET);
                default -> urls.add(word(random, 1 + random.nextInt(10)).replace('a', '/'));
            }
        }
        return urls;
    }

    /**
     * URLs a parser may take (each a password with reserved characters the way SQLAlchemy reads
     * them, or in a parameter) on a port nothing listens on: the connection fails, and says so
     * without the password.
     */
    static List<String> unreachableUrls() {
        return List.of("postgresql://u:ab/" + SECRET + "cd@127.0.0.1:1/db",
                "postgresql://u:ab?" + SECRET + ":cd@127.0.0.1:1/db",
                "postgresql://u:" + SECRET + "%40x@127.0.0.1:1/db",
                "jdbc:postgresql://127.0.0.1:1/db?user=u&password=" + SECRET,
                "jdbc:postgresql://127.0.0.1:1/db?password=" + SECRET + "&sslpassword=" + SECRET,
                "jdbc:postgresql://u:" + SECRET + "@127.0.0.1:1/db",
                "postgresql://p:" + SECRET.charAt(0) + "@127.0.0.1:1/db");
    }

    /**
     * A URL with a password where something else belongs (a target, a name, a class-path entry,
     * a mistyped option): the message that repeats it shows the URL without its password.
     */
    static List<List<String>> urlsInTheWrongPlace(Random random) {
        var urls = new ArrayList<>(List.of("postgresql://u:" + SECRET + "@127.0.0.1/db",
                "jdbc:postgresql://h/db?password=" + SECRET, "postgres://u:ab/" + SECRET + "@h/db",
                "sqlite:///x.db?password=" + SECRET));
        // Those the parser refuses or cannot reach too: a URL left out of --url is as likely malformed.
        urls.addAll(unreachableUrls());
        malformedUrls(random, 60).stream().filter(u -> u.contains(SECRET)).forEach(urls::add);
        var lines = new ArrayList<List<String>>();
        for (String url : urls) {
            lines.add(List.of("upgrade", url));
            lines.add(List.of("show", url));
            lines.add(List.of("history", "-r", url + ":"));
            lines.add(List.of("--urll=" + url, "current"));
            lines.add(List.of("current", url));
        }
        return lines;
    }

    /** Values with control characters, which the one-line message must not carry raw. */
    static List<List<String>> controlCharacters() {
        var lines = new ArrayList<List<String>>();
        for (String value : List.of("a\u001b[31mred", "bell\u0007", "cr\rhidden", "tab\tx", "nul\u0000x",
                "del\u007fx", "c1\u009bx", "bidi\u202eevil", "line\u2028sep")) {
            lines.add(List.of("upgrade", value));
            lines.add(List.of("show", value));
            lines.add(List.of("history", "-r", value + ":"));
            lines.add(List.of("--version-table", value, "current"));
            lines.add(List.of("--lock-timeout", value, "upgrade"));
            lines.add(List.of("--transaction-mode", value, "upgrade"));
            lines.add(List.of("--naming-convention", value, "upgrade"));
            lines.add(List.of("upgrade", "--sql", "--dialect", value));
            lines.add(List.of("--classpath", "/nowhere/" + value, "heads"));
        }
        return lines;
    }

    /** Lowercase letters, never spelling a supported scheme (those start with p, s or j). */
    static String word(Random random, int length) {
        var s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(9))); // a..i
        }
        return s.toString();
    }
}
