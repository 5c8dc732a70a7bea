/** Polls feeds, fetches each new item's page, extracts its text and produces {@link io.spyglass.model.Article}s. */
package io.spyglass.ingest;
