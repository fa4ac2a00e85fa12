package io.sangdam.knowledge.demo;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.knowledge.ArticleImports;
import io.sangdam.knowledge.ImportReport;
import io.sangdam.platform.ModuleInitializer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo headquarters' articles, shared with every partner center. Every start adds the lines
 * whose id the center does not have yet (a new demo file is picked up; an article someone edited is
 * left as it is), published at once as {@value #IMPORTER}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoKnowledgeBase implements ModuleInitializer {

    static final String FILES = "classpath*:knowledge/demo/articles-*.jsonl";
    static final String IMPORTER = "system";
    private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBase.class);

    private final ArticleImports imports;
    private final CenterDirectory centers;

    DemoKnowledgeBase(ArticleImports imports, CenterDirectory centers) {
        this.imports = imports;
        this.centers = centers;
    }

    @Override
    public void initialize() {
        Center headquarters = centers.all().stream()
                .filter(Center::isHeadquarters)
                .findFirst()
                .orElse(null);
        if (headquarters == null) {
            return;
        }
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(FILES);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Arrays.sort(files, Comparator.comparing(file -> String.valueOf(file.getFilename())));
        for (Resource file : files) {
            try (Reader lines = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                ImportReport report = imports.importLines(
                        headquarters.id(), new ArticleImports.Importer(IMPORTER, true, true), lines, Locale.KOREAN);
                if (report.imported() > 0 || !report.rejected().isEmpty()) {
                    log.info(
                            "Demo knowledge base {}: {} imported, {} already there, {} rejected {}",
                            file.getFilename(),
                            report.imported(),
                            report.unchanged() + report.updated(),
                            report.rejected().size(),
                            report.rejected());
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }
}
