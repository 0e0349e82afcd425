package dev.retort.hibernate;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate's INFO lines (its version banner, the connection it was given) off the command
 * line's streams while a model is built, and puts everything back afterwards.
 *
 * <p>Hibernate logs through jboss-logging, which picks a backend once, when its first logger is
 * made: the JBoss log manager, Log4j 2, Logback, Log4j 1, else java.util.logging. A user's class path often
 * holds Logback (every Spring Boot application does), and unconfigured Logback prints DEBUG, so
 * unless the user chose a backend ({@value #PROVIDER} set already), jboss-logging is pointed at
 * java.util.logging, the one backend whose level we can set without a configuration file.
 * Warnings still show; failures come back as exceptions, not log lines.
 */
final class QuietLogging {

    static final String PROVIDER = "org.jboss.logging.provider";

    // A strong reference while building: java.util.logging forgets a level set on a logger that
    // nothing holds.
    private final Logger hibernate = Logger.getLogger("org.hibernate");
    private final Level level = hibernate.getLevel();
    private final boolean providerSet;

    private QuietLogging() {
        providerSet = System.getProperty(PROVIDER) == null;
        if (providerSet) {
            System.setProperty(PROVIDER, "jdk");
        }
        hibernate.setLevel(Level.WARNING);
    }

    /** Quiet from now until {@link #restore}. */
    static QuietLogging during() {
        return new QuietLogging();
    }

    /** Puts back the level and the backend choice found before {@link #during}. */
    void restore() {
        hibernate.setLevel(level);
        if (providerSet) {
            System.clearProperty(PROVIDER);
        }
    }
}
