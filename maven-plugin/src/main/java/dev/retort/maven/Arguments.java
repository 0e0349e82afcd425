package dev.retort.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** A {@code retort} command line being built: options are added only when they have a value. */
final class Arguments {

    /**
     * The password of a URL's {@code user:password@}: up to the last {@code @}, since a password may
     * hold {@code /}, {@code ?} and {@code :} as they are (hiding too much here is harmless).
     */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:]*:).*@");
    /** A {@code password=} or {@code sslpassword=} parameter of a JDBC URL. */
    private static final Pattern PARAMETER_PASSWORD = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");

    private final List<String> args = new ArrayList<>();

    Arguments add(String... words) {
        args.addAll(List.of(words));
        return this;
    }

    /** {@code name value}, or nothing when the value is null. */
    Arguments option(String name, String value) {
        if (value != null) {
            args.add(name);
            args.add(value);
        }
        return this;
    }

    /** {@code name value} for each value, as picocli takes a repeatable option. */
    Arguments options(String name, Collection<String> values) {
        values.forEach(value -> option(name, value));
        return this;
    }

    Arguments flag(String name, boolean given) {
        if (given) {
            args.add(name);
        }
        return this;
    }

    List<String> args() {
        return List.copyOf(args);
    }

    /**
     * The command line as the log may show it: a URL's password hidden. (Passwords never go on it
     * as an option: the plugin hands them to the command line in its environment.)
     */
    String shown() {
        var shown = new StringBuilder("retort");
        for (String arg : args) {
            String masked = PARAMETER_PASSWORD.matcher(URL_PASSWORD.matcher(arg).replaceAll("$1****@")).replaceAll("$1****");
            shown.append(' ').append(masked.isEmpty() || masked.contains(" ") ? "'" + masked + "'" : masked);
        }
        return shown.toString();
    }
}
