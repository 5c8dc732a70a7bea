package io.spyglass.ingest.log;

import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ArticleLog} in memory, for tests: remembers what was published, in order. */
public class InMemoryArticleLog implements ArticleLog {
    private final Map<String, ItemState> seen = new ConcurrentHashMap<>();
    private final List<Article> published = new ArrayList<>();

    @Override
    public ItemState state(String id) {
        return seen.get(id);
    }

    @Override
    public synchronized void publish(Article article, ItemState state) {
        published.add(article);
        seen.put(article.id(), state);
    }

    @Override
    public void remember(String id, String url, ItemState state) {
        seen.put(id, state);
    }

    public synchronized List<Article> published() {
        return List.copyOf(published);
    }

    @Override
    public void close() {
    }
}
