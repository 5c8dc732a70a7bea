/** Main-text and metadata extraction from article pages: pure functions over bytes, no I/O. */
package io.spyglass.ingest.extract;
