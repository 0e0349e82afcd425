package dev.retort.runtime.model;

import dev.retort.ErrorCode;
import dev.retort.RetortException;

/**
 * A model setting: {@code jpa:com.example.model}, {@code class:com.example.db.AppSchema},
 * {@code url:postgresql://localhost/dev}.
 *
 * @param origin where the setting came from ({@code --model}, {@code retort.properties model}), for messages
 */
public record Model(String scheme, String spec, String origin) {

    /** Parses a setting; anything but {@code <scheme>:<spec>} is bad input naming {@code origin}. */
    public static Model parse(String setting, String origin) {
        int colon = setting.indexOf(':');
        if (colon <= 0 || colon == setting.length() - 1 || !setting.substring(0, colon).matches("[a-z][a-z0-9-]*")) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, origin + ": a model is jpa:<package>,"
                    + " class:<fully.qualified.ClassName> or url:<database URL>, not '" + shown(setting) + "'");
        }
        return new Model(setting.substring(0, colon), setting.substring(colon + 1), origin);
    }

    /** What the model is, as messages and generated comments show it (a URL only by its scheme). */
    public String describe() {
        return scheme.equals("url") ? "url:" + spec.replaceFirst("^([A-Za-z0-9+.:-]*?)(:|//).*$", "$1$2…") : scheme + ":" + spec;
    }

    private static String shown(String setting) {
        // A database URL may hold a password; only its scheme is repeated.
        int at = setting.indexOf('@');
        return at < 0 ? setting : setting.substring(0, setting.indexOf(':') + 1) + "…";
    }
}
