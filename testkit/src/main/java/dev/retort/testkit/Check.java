package dev.retort.testkit;

/** The kit's checks, to switch off one by one with {@link RetortChecks#skip()}. */
public enum Check {
    /** The graph has exactly one head, or the heads {@link RetortChecks#heads()} declares. */
    SINGLE_HEAD,
    /** An empty database upgrades from base to the heads without error. */
    UPGRADE,
    /**
     * Revisions applied one at a time and reverted one at a time, each downgrade leaving the
     * schema as it was before its upgrade; then the heads again.
     */
    UP_DOWN,
    /** After the upgrade, the database's schema is the one the migrations describe (no drift). */
    SCHEMA_MATCHES,
    /** After downgrading to base, nothing the migrations created remains. */
    DOWNGRADE_LEAVES_NO_TRACE,
    /**
     * {@code retort lint} finds no error-level danger that no {@code @AllowLint} exempts, so a
     * pull request that adds one fails its build.
     */
    LINT
}
