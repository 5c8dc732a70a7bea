/** Every Spyglass benchmark, each a {@code main} run from the bench jar; docs/BENCHMARKS.md gives the commands. */
package io.spyglass.bench;
