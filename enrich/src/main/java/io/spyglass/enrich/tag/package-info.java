/** The cyber-espionage tagger: verdict, attributed states, victims, actors, sectors and evidence for one article. */
package io.spyglass.enrich.tag;
