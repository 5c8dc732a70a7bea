/** The {@code spyglass} command: an embedded Kafka broker and the three stages, in one process or one stage each. */
package io.spyglass.app;
