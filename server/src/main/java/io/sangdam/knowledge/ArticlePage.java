package io.sangdam.knowledge;

import java.util.List;

/** One page of a list of articles and how many match in all. */
public record ArticlePage(List<Article> rows, int total) {

    public ArticlePage {
        rows = List.copyOf(rows);
    }
}
