package io.sangdam.routing;

import java.util.Locale;

/** A skill agents are routed by; a deactivated skill stays on the agents who hold it but is offered for nothing new. */
public record Skill(long id, String code, String nameKorean, String nameEnglish, boolean active) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEnglish : nameKorean;
    }
}
