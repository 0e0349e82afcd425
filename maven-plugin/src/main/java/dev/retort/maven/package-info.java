/**
 * The Maven plugin: each goal turns its parameters into a {@code retort} command line and runs it
 * in process ({@link dev.retort.maven.CliBridge}), with the project's base directory as the working
 * directory and its runtime class path as {@code --classpath}, so settings, messages and exit codes
 * are the command line's own.
 */
package dev.retort.maven;
