/** Speed and accuracy benchmark of Spyglass's article extractor against other Java extractors. */
package io.spyglass.bench;
