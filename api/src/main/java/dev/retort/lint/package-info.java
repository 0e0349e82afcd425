/** The rules {@code retort lint} checks migrations' ops against, shared by the processor and the runtime. */
package dev.retort.lint;
