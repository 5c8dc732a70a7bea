/** The enrich stage: a Kafka Streams topology that drops duplicate articles and tags the rest. */
package io.spyglass.enrich;
