/** The in-process KRaft broker of {@code spyglass run}, and creating the topics on any cluster. */
package io.spyglass.app.broker;
