package io.spyglass.ingest.log;

import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Article;

/** Where ingest records the articles it accepts, and remembers which items it has already produced. */
public interface ArticleLog extends AutoCloseable {

    /**
     * What is remembered of the item with this id, or null if no article with this id was published, by this or any
     * earlier run or another instance.
     */
    ItemState state(String id);

    /**
     * True when the item's seen mark is old enough to be written again (half its retention has passed), so that the mark
     * of an item its feed still lists never expires; an item no feed lists any more is not met, and its mark expires.
     */
    default boolean aging(String id) {
        return false;
    }

    /** True if an article with this id was already published, by this or any earlier run. */
    default boolean seen(String id) {
        return state(id) != null;
    }

    /**
     * Publishes an article durably and remembers {@code state} for its id, atomically: after a crash either both
     * happened or neither.
     *
     * @throws PublishException if the article could not be stored; its id keeps its earlier state and the item is
     *                          retried on the next poll
     */
    void publish(Article article, ItemState state) throws PublishException;

    /**
     * Remembers a new state for an id already published, publishing nothing: its feed entry changed but its text did
     * not, and the page need not be fetched again for this entry.
     *
     * @param url the article's canonical URL, kept with the state for people reading it
     * @throws PublishException if the state could not be stored; the page will be fetched again on the next poll
     */
    void remember(String id, String url, ItemState state) throws PublishException;

    /**
     * Why the log cannot store anything now (Kafka unreachable, its producer being replaced), for the health check;
     * null while it can.
     */
    default String problem() {
        return null;
    }

    @Override
    void close();

    /** An article that could not be stored. */
    class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * An article refused for its size, which will never be stored as it is; the message names the error and the size.
     * The log stays able to store other articles.
     */
    final class TooLargeException extends PublishException {
        public TooLargeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
