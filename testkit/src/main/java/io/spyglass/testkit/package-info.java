/** Fixtures the modules' tests and the benchmarks share: made-up stories, and a loopback HTTP server. */
package io.spyglass.testkit;
