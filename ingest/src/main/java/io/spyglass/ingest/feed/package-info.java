/** Parsing of untrusted feed documents into immutable records. */
package io.spyglass.ingest.feed;
