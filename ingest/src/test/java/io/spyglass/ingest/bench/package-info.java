/** The ingest benchmark: a feed farm served from loopback and the ingest stage run against it (see docs/BENCHMARKS.md). */
package io.spyglass.ingest.bench;
