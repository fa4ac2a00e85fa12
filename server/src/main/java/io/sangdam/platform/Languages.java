package io.sangdam.platform;

import java.util.List;
import java.util.Locale;

/** The languages Sangdam speaks. Korean is the default; every message exists in each of them. */
public final class Languages {

    public static final Locale DEFAULT = Locale.KOREAN;
    public static final List<Locale> SUPPORTED = List.of(Locale.KOREAN, Locale.ENGLISH);

    private Languages() {}

    /** The supported language closest to the given tag, or Korean. */
    public static Locale supportedOrDefault(String languageTag) {
        String language = Locale.forLanguageTag(languageTag.trim()).getLanguage();
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(language))
                .findFirst()
                .orElse(DEFAULT);
    }

    public static boolean isSupported(String languageTag) {
        String language = Locale.forLanguageTag(languageTag.trim()).getLanguage();
        return SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(language));
    }
}
