/** {@code retort lint}: the dangers in migrations' recorded ops, found before anything runs. */
package dev.retort.runtime.lint;
