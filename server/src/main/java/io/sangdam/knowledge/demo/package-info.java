/**
 * The demo headquarters' knowledge base, loaded on start when {@code sangdam.demo.enabled} is on,
 * from {@code classpath:knowledge/demo/articles-*.jsonl} through the same import as {@code POST
 * /api/knowledge/import}. Runs as an {@link io.sangdam.platform.ModuleInitializer}, after identity's
 * demo data.
 */
@NullMarked
package io.sangdam.knowledge.demo;

import org.jspecify.annotations.NullMarked;
