/** HTTP fetching of untrusted URLs within caps on bytes, time, redirects and target addresses. */
package io.spyglass.ingest.fetch;
