/** The Lucene index of published articles: analyzers, indexing, queries, highlighting. */
@NullMarked
package io.sangdam.knowledge.search;

import org.jspecify.annotations.NullMarked;
