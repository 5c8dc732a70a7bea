/** The records that travel on Spyglass's topics, their JSON serde and the topic names. */
package io.spyglass.model;
