package io.sangdam.knowledge;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code kb:markdown="${article.body}"} fills an element with an article's Markdown rendered by
 * {@link ArticleMarkdown}, the one place that turns author text into markup. Templates hand it the
 * Markdown source, never HTML, so no page needs unescaped output ({@code th:utext} stays banned by
 * TemplateSafetyTests) and nothing but the safe renderer can put markup into a page.
 */
@Component
class MarkdownDialect extends AbstractProcessorDialect {

    MarkdownDialect() {
        super("Knowledge", "kb", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String prefix) {
        return Set.of(new MarkdownAttribute(prefix), new StandardXmlNsTagProcessor(TemplateMode.HTML, prefix));
    }

    private static final class MarkdownAttribute extends AbstractStandardExpressionAttributeTagProcessor {

        MarkdownAttribute(String prefix) {
            super(TemplateMode.HTML, prefix, "markdown", 1000, true);
        }

        @Override
        protected void doProcess(
                ITemplateContext context,
                IProcessableElementTag tag,
                AttributeName attributeName,
                String attributeValue,
                Object expressionResult,
                IElementTagStructureHandler structureHandler) {
            String markdown = expressionResult == null ? "" : expressionResult.toString();
            structureHandler.setBody(ArticleMarkdown.render(markdown), false);
        }
    }
}
