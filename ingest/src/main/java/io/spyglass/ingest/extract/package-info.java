/** Main-text and metadata extraction from fetched article pages: pure functions of the page bytes. */
package io.spyglass.ingest.extract;
