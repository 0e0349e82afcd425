package dev.retort.runtime.model;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.jdbc.DatabaseUrl;

/**
 * A model setting: {@code jpa:com.example.model}, {@code class:com.example.db.AppSchema},
 * {@code url:postgresql://localhost/dev}.
 *
 * @param origin where the setting came from ({@code --model}, {@code retort.properties model}), for messages
 * @param database for {@code url:}, the database, parsed (its password out of the URL); else {@code null}
 */
public record Model(String scheme, String spec, String origin, DatabaseUrl database) {

    /** Parses a setting; anything but {@code <scheme>:<spec>} is bad input naming {@code origin}. */
    public static Model parse(String setting, String origin) {
        int colon = setting.indexOf(':');
        if (colon <= 0 || colon == setting.length() - 1 || !setting.substring(0, colon).matches("[a-z][a-z0-9-]*")) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, origin + ": a model is jpa:<package>,"
                    + " class:<fully.qualified.Name> or url:<database URL>, not '" + shown(setting) + "'");
        }
        String scheme = setting.substring(0, colon);
        String spec = setting.substring(colon + 1);
        if (!scheme.equals("url")) {
            return new Model(scheme, spec, origin, null);
        }
        try {
            return new Model(scheme, spec, origin, DatabaseUrl.parse(spec));
        } catch (RetortException e) {
            throw new RetortException(e.code(), origin + ": " + e.getMessage(), e);
        }
    }

    /** The same model with its database found elsewhere (an SQLite file relative to another folder). */
    public Model withDatabase(DatabaseUrl other) {
        return new Model(scheme, spec, origin, other);
    }

    /** What the model is, as messages and generated comments show it (a URL only by its scheme). */
    public String describe() {
        return scheme + ":" + (scheme.equals("url") ? DatabaseUrl.shown(spec) : spec);
    }

    private static String shown(String setting) {
        // It may be a database URL with a password in it.
        return DatabaseUrl.shown(setting);
    }
}
