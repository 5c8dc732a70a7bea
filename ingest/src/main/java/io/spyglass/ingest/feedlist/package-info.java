/** The feed list: reading and validating it, reloading it on change, OPML import, and splitting it over instances. */
package io.spyglass.ingest.feedlist;
