package dev.retort.cli;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.runtime.jdbc.DatabaseUrl;
import dev.retort.runtime.lint.LintSettings;
import dev.retort.runtime.model.Model;
import dev.retort.schema.NamingConvention;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each setting comes from, in one place and in this order: the command line, then the
 * environment ({@code RETORT_URL}, {@code DATABASE_URL} as the seeds use it, {@code RETORT_USER},
 * {@code RETORT_PASSWORD}), then {@code retort.properties} in the working directory, then the
 * default. Passwords come from the environment or the file, never from the command line (where
 * {@code ps} would show them).
 */
final class Settings {

    static final String FILE = "retort.properties";
    static final List<String> KEYS = List.of("url", "user", "password", "classpath", "version-table", "source-dir",
            "package", "lock-timeout", "transaction-mode", "sqlite-auto-rebuild", "naming-convention", "naming.pk",
            "naming.uq", "naming.ck", "naming.fk", "naming.ix", "model", "online-safe");
    /** Keys under it go to the model source ({@code model.hibernate.physical_naming_strategy}). */
    static final String MODEL_SETTINGS = "model.";
    /** {@code lint.<rule>=error|warning|off}: a lint rule's severity. */
    static final String LINT_SETTINGS = "lint.";

    private final Map<String, String> environment;
    private final Properties file;
    private final Path workingDir;
    /** The file's {@code lint.<rule>} keys, checked when it is loaded, as every other key is. */
    private final LintSettings lint;

    private Settings(Map<String, String> environment, Properties file, Path workingDir) {
        this.environment = environment;
        this.file = file;
        this.workingDir = workingDir;
        var byKey = new java.util.TreeMap<String, String>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(LINT_SETTINGS)) {
                byKey.put(key, file.getProperty(key));
            }
        }
        this.lint = LintSettings.parse(byKey, FILE);
    }

    static Settings load(Map<String, String> environment, Path workingDir) {
        var properties = new Properties();
        Path path = workingDir.resolve(FILE);
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, FILE + " cannot be read: " + e.getMessage());
            }
            var unknown = new TreeSet<String>();
            for (String key : properties.stringPropertyNames()) {
                if (!KEYS.contains(key) && !(key.startsWith(MODEL_SETTINGS) && key.length() > MODEL_SETTINGS.length())
                        && !(key.startsWith(LINT_SETTINGS) && key.length() > LINT_SETTINGS.length())) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, FILE + " has unknown key(s) " + unknown
                        + "; the keys are " + KEYS + ", model.<setting> for the model source and lint.<rule> for lint");
            }
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                // An empty password is a password; any other empty value would quietly mean the default.
                if (!key.equals("password") && properties.getProperty(key).isBlank()) {
                    throw new RetortException(ErrorCode.BAD_CONFIGURATION, FILE + ": " + key + " is empty; give a value"
                            + " or remove the line");
                }
            }
        }
        // A lint.<rule> that names no rule is refused by every command, as any unknown key is.
        return new Settings(environment, properties, workingDir);
    }

    Path workingDir() {
        return workingDir;
    }

    /** A setting's value and where it came from, to name in a message about it. */
    record Sourced(String value, String source) {
        static final String DEFAULT = "the default";

        boolean isDefault() {
            return source.equals(DEFAULT);
        }
    }

    /** The database: --url, RETORT_URL, DATABASE_URL, the file's url, or an SQLite file here. */
    Sourced url(String option) {
        if (option != null) {
            return new Sourced(option, "--url");
        }
        for (String variable : new String[] {"RETORT_URL", "DATABASE_URL"}) {
            String value = fromEnvironment(variable);
            if (value != null) {
                return new Sourced(value, variable);
            }
        }
        String inFile = file.getProperty("url");
        return inFile != null ? new Sourced(inFile, FILE + " url") : new Sourced(DatabaseUrl.DEFAULT, Sourced.DEFAULT);
    }

    String user(String option) {
        if (option != null) {
            return option;
        }
        String variable = fromEnvironment("RETORT_USER");
        return variable != null ? variable : file.getProperty("user");
    }

    /**
     * A variable's value, or null when it is not set. Set but empty is an error: a deploy script
     * that exports {@code DATABASE_URL=$PROD_URL} with nothing in it must not migrate the default.
     */
    private String fromEnvironment(String variable) {
        String value = environment.get(variable);
        if (value != null && value.isBlank()) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, variable + " is set but empty; give it a value or"
                    + " unset it");
        }
        return value;
    }

    String password() {
        return first(null, environment.get("RETORT_PASSWORD"), file.getProperty("password"), null);
    }

    /** The lint rules' severities the file sets ({@code lint.drop-column=warning}). */
    LintSettings lint() {
        return lint;
    }

    /** A setting with no environment variable of its own: the option (even empty), the file, or the default. */
    String value(String option, String key, String defaultValue) {
        if (option != null) {
            return option;
        }
        return first(null, null, file.getProperty(key), defaultValue);
    }

    /**
     * The naming convention: {@code --naming-convention}, else the file's {@code naming-convention},
     * else {@code alembic}; then each {@code naming.<kind>} key in the file replaces that kind's
     * template ({@code none}: the database names it). Each value is checked on its own, so the
     * message names the key that is wrong.
     */
    NamingConvention naming(String option) {
        String where = option != null ? "--naming-convention" : FILE + ": naming-convention";
        NamingConvention base;
        try {
            base = NamingConvention.named(value(option, "naming-convention", "alembic"));
        } catch (IllegalArgumentException e) {
            throw new RetortException(option != null ? ErrorCode.BAD_OPTION : ErrorCode.BAD_CONFIGURATION,
                    where + ": " + e.getMessage());
        }
        return new NamingConvention(template("naming.pk", base.primaryKey()), template("naming.uq", base.unique()),
                template("naming.ck", base.check()), template("naming.fk", base.foreignKey()),
                template("naming.ix", base.index()));
    }

    /** The file's template for one kind, or the base convention's when the file has none. */
    private String template(String key, String base) {
        String value = file.getProperty(key);
        if (value == null) {
            return base;
        }
        boolean index = key.equals("naming.ix");
        if (value.equals("none")) {
            if (index) {
                throw new RetortException(ErrorCode.BAD_CONFIGURATION, FILE + ": naming.ix cannot be none, since an"
                        + " index always has a name; give a template such as ix_%(column_0_label)s, or remove the line");
            }
            return null;
        }
        try {
            // The index slot is the one that takes any template alone; the tokens are the same for every kind.
            new NamingConvention(null, null, null, null, value);
        } catch (IllegalArgumentException e) {
            throw new RetortException(ErrorCode.BAD_CONFIGURATION, FILE + ": " + key + ": " + e.getMessage()
                    + (index ? "" : ", or none to leave it to the database"));
        }
        return value;
    }

    /** The model: {@code --model}, else the file's {@code model}; {@code null} when neither is given. */
    Model model(String option) {
        if (option != null) {
            return Model.parse(option, "--model");
        }
        String inFile = file.getProperty("model");
        return inFile == null ? null : Model.parse(inFile, FILE + " model");
    }

    /** The file's {@code model.*} keys, prefix removed: settings for the model source. */
    Map<String, String> modelSettings() {
        var settings = new TreeMap<String, String>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(MODEL_SETTINGS)) {
                settings.put(key.substring(MODEL_SETTINGS.length()), file.getProperty(key));
            }
        }
        return settings;
    }

    /** A file as the user will want to read it: relative to the working directory when it is under it. */
    String shown(Path file) {
        return file.startsWith(workingDir) ? workingDir.relativize(file).toString() : file.toString();
    }

    /** A path from an option or the file, relative to the working directory. */
    Path path(String option, String key, String defaultValue) {
        String value = value(option, key, defaultValue);
        return value == null ? null : workingDir.resolve(value);
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
