/**
 * The {@code retort} command line: it only parses and delegates. Each subcommand is one class
 * calling the same {@link dev.retort.runtime.Retort} API applications use; exit codes are mapped
 * from {@link dev.retort.ErrorCode} in {@link dev.retort.cli.Main} and nowhere else.
 */
package dev.retort.cli;
