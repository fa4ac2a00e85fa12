package io.sangdam.routing;

import java.util.Locale;

/** A reason an agent gives for not taking contacts (휴식, 식사, 교육, 회의 ...), from the center's list. */
public record NotReadyReason(long id, String nameKorean, String nameEnglish, boolean active) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEnglish : nameKorean;
    }
}
