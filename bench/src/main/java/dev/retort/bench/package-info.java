/**
 * Benchmarks: plain harnesses that measure ratios within one run (both sides on the same machine,
 * interleaved, after warm-up), print their figures, and assert nothing. Run them with
 * {@code bench/run <Name>}; their recorded figures are in {@code bench/README.md}.
 */
package dev.retort.bench;
