/**
 * The analyst's live web view: {@link io.spyglass.web.TopicFollower} reads the story and feed-status topics into a
 * {@link io.spyglass.web.StoryIndex} of summaries, and {@link io.spyglass.web.WebServer} serves the page, its JSON
 * API and a server-sent event stream of changes.
 */
package io.spyglass.web;
