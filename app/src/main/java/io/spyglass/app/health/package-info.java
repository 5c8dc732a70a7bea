/** The health and metrics endpoint of a Spyglass process: stage probes, Prometheus text and the HTTP server. */
package io.spyglass.app.health;
