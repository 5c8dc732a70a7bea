/** Building the ingest, enrich, sink and web stages from the configuration and running them until stopped. */
package io.spyglass.app.stage;
