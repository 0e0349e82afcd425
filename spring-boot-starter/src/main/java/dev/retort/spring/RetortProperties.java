package dev.retort.spring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code spring.retort.*}: the settings of the command line's {@code retort.properties}, under
 * the prefix Spring Boot gives Flyway and Liquibase theirs. Values with a fixed set of spellings
 * are kept as text and checked when the {@code Retort} bean is built, so a wrong one fails the
 * start with one line naming the property.
 */
@ConfigurationProperties(prefix = "spring.retort")
public class RetortProperties {

    /** Whether Retort migrates the database at start. */
    private boolean enabled = true;

    /** What the start upgrades to: heads, head, a revision id, a branch label (billing@head), +N. */
    private String target = "heads";

    /**
     * A database to migrate instead of the application's DataSource, usually with a user that may
     * change the schema: a JDBC URL, or postgresql://host/db, sqlite:///app.db as the command line
     * takes them.
     */
    private String url;

    /** The user of spring.retort.url, when the URL has none. */
    private String user;

    /** The password of spring.retort.url's user. */
    private String password;

    /** The version table; alembic_version adopts a database Alembic managed. Its history table is named after it. */
    private String versionTable = "retort_version";

    /** How long a start waits for the migration lock another instance holds; a bare number counts seconds. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockTimeout = Duration.ofMinutes(5);

    /**
     * Render PostgreSQL's DDL online-safe, each statement under this lock_timeout and retried when
     * it cannot have its lock; unset for the plain rendering. A bare number counts seconds.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration onlineSafe;

    /** per-migration (each migration in its own transaction) or all (the whole run in one). */
    private String transactionMode = "per-migration";

    /** Whether applied revisions whose ops changed, or that the code no longer has, stop the start. */
    private boolean strict;

    /** How constraints a migration leaves unnamed are named: alembic or database. */
    private String namingConvention = "alembic";

    /**
     * Refuse to start while migrations are pending, instead of upgrading: for production, where
     * migrations run as a deployment step of their own.
     */
    private boolean failOnPending;

    /**
     * The migration indexes to use, by class name (fix a generated index's name with
     * -Aretort.index=...); empty for every index on the application's class path.
     */
    private List<String> indexes = new ArrayList<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getOnlineSafe() {
        return onlineSafe;
    }

    public void setOnlineSafe(Duration onlineSafe) {
        this.onlineSafe = onlineSafe;
    }

    public String getTransactionMode() {
        return transactionMode;
    }

    public void setTransactionMode(String transactionMode) {
        this.transactionMode = transactionMode;
    }

    public boolean isStrict() {
        return strict;
    }

    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    public String getNamingConvention() {
        return namingConvention;
    }

    public void setNamingConvention(String namingConvention) {
        this.namingConvention = namingConvention;
    }

    public boolean isFailOnPending() {
        return failOnPending;
    }

    public void setFailOnPending(boolean failOnPending) {
        this.failOnPending = failOnPending;
    }

    public List<String> getIndexes() {
        return indexes;
    }

    public void setIndexes(List<String> indexes) {
        this.indexes = indexes;
    }
}
