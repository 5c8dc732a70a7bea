/** One poll of one feed: reading it, working its items into articles, and how the poll ended. */
package io.spyglass.ingest.poll;
