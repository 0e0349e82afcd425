/**
 * Where the desired schema comes from: a model ({@code class:}, {@code url:}, or a
 * {@link dev.retort.runtime.model.ModelSource} such as {@code jpa:}) made real in a scratch
 * database, so autogenerate compares two catalogs the same introspection read.
 */
package dev.retort.runtime.model;
