/** The cyber-espionage tagger: a pure function from article text to {@link io.spyglass.model.Tags}. */
package io.spyglass.enrich.tag;
