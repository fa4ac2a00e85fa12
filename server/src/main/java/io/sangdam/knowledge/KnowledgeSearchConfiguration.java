package io.sangdam.knowledge;

import io.sangdam.knowledge.search.KnowledgeIndex;
import io.sangdam.knowledge.search.KoreanAnalysis;
import io.sangdam.knowledge.search.SearchDictionary;
import io.sangdam.knowledge.search.SearchWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeSearchProperties.class)
class KnowledgeSearchConfiguration {

    /**
     * Starts with an empty dictionary: the administrators' dictionary is applied once it is read from
     * the database ({@link KnowledgeSearch#apply}).
     */
    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(KnowledgeSearchProperties properties, Environment environment) {
        KoreanAnalysis analysis = new KoreanAnalysis(properties.analyzer(), SearchDictionary.EMPTY);
        // An index beside a throwaway database must be thrown away with it: a test context that
        // found another context's index would count it current and search articles its database lacks.
        boolean throwAway = environment.getProperty("sangdam.database.embedded.ephemeral", Boolean.class, false);
        if (throwAway) {
            try {
                return KnowledgeIndex.openFolder(
                        Files.createTempDirectory("sangdam-knowledge-index"), true, analysis, SearchWeights.DEFAULT);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return KnowledgeIndex.openFolder(properties.indexDir(), false, analysis, SearchWeights.DEFAULT);
    }
}
