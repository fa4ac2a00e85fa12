package io.sangdam.routing;

import java.util.Locale;

public record Skill(long id, String code, String nameKorean, String nameEnglish) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEnglish : nameKorean;
    }
}
