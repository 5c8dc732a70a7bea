package io.spyglass.ingest;

import io.spyglass.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ArticleLog} in memory, for tests: remembers what was published, in order. */
final class InMemoryArticleLog implements ArticleLog {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Article> published = new ArrayList<>();

    @Override
    public boolean seen(String id) {
        return seen.contains(id);
    }

    @Override
    public synchronized void publish(Article article) {
        published.add(article);
        seen.add(article.id());
    }

    synchronized List<Article> published() {
        return List.copyOf(published);
    }

    @Override
    public void close() {
    }
}
