/**
 * Demo data of the knowledge module, created when {@code sangdam.demo.enabled} is on: the demo
 * headquarters' knowledge base, from {@code classpath:knowledge/demo/articles-*.jsonl} through the
 * same import as {@code POST /api/knowledge/import}, and the demo consultation scripts (a
 * headquarters script every center shares, and one of 강남센터's own). Runs as {@link
 * io.sangdam.platform.ModuleInitializer}s, after identity's demo data.
 */
@NullMarked
package io.sangdam.knowledge.demo;

import org.jspecify.annotations.NullMarked;
