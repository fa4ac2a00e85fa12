package io.sangdam.contact;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A consultation category: 대분류 (level 1), 중분류 (2) or 소분류 (3). */
public record Category(
        long id,
        @Nullable Long parentId,
        int level,
        String code,
        String nameKorean,
        String nameEnglish,
        List<Category> children) {

    public Category {
        children = List.copyOf(children);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEnglish : nameKorean;
    }
}
