/**
 * What agents answer from and what the bot tells customers: articles with versions and review,
 * categories, scripts, snippets and shared CX cases, searched in Korean with an embedded Lucene
 * index that follows the database (the database stays the truth).
 */
@ApplicationModule(
        displayName = "Knowledge",
        allowedDependencies = {"platform", "identity", "contact"})
@NullMarked
package io.sangdam.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
