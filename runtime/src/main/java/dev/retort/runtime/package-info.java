/**
 * The runtime's front door: {@link dev.retort.runtime.Retort}, configured once through an
 * immutable {@link dev.retort.runtime.RetortConfig}, which applications call at start and the
 * command line calls for every command.
 *
 * <pre>{@code
 * Retort.configure().dataSource(ds).build().upgrade("head");
 * }</pre>
 */
package dev.retort.runtime;
