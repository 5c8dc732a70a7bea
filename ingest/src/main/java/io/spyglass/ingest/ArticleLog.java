package io.spyglass.ingest;

import io.spyglass.model.Article;

/** Where ingest records the articles it accepts, and remembers which items it has already produced. */
public interface ArticleLog extends AutoCloseable {

    /** True if an article with this id was already published, by this or any earlier run. */
    boolean seen(String id);

    /**
     * Publishes an article durably and marks its id seen, atomically: after a crash either both happened or neither.
     *
     * @throws PublishException if the article could not be stored; it stays unseen and is retried on the next poll
     */
    void publish(Article article) throws PublishException;

    @Override
    void close();

    /** An article that could not be stored. */
    final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
