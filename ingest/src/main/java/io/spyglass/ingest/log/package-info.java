/** The article log and the feed-status log: where ingest writes articles, seen marks and feed health. */
package io.spyglass.ingest.log;
