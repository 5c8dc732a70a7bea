/** Seen-state: what ingest already published, as article ids, revisions and fingerprints. */
package io.spyglass.ingest.seen;
