package io.sangdam.identity;

import java.util.Map;

/**
 * A center-settings section's Thymeleaf fragment ({@code template :: fragment}) and its model; the
 * fragment reads the model as {@code section} and the center as {@code center}.
 */
public record CenterSettingsView(String template, String fragment, Map<String, Object> model) {

    public CenterSettingsView {
        model = Map.copyOf(model);
    }
}
