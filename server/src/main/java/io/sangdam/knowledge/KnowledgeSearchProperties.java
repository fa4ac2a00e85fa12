package io.sangdam.knowledge;

import io.sangdam.knowledge.search.AnalyzerChoice;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the knowledge index lives and how it analyzes Korean. The folder sits beside the embedded
 * database's ({@code data/postgres}) because it follows that database: deleting it only costs a
 * rebuild at the next start. With an ephemeral database (tests) the index is a fresh temporary folder
 * per application context, deleted at the end, whatever {@code index-dir} says.
 *
 * @param analyzer the analyzer configuration, chosen by the evaluation (docs/knowledge-search.md)
 */
@ConfigurationProperties("sangdam.knowledge")
record KnowledgeSearchProperties(
        @DefaultValue("data/knowledge-index") Path indexDir,
        @DefaultValue("NORI_WITH_BIGRAM") AnalyzerChoice analyzer) {}
