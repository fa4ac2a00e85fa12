package io.sangdam.identity;

import java.util.Map;

/**
 * A Thymeleaf fragment ({@code template :: fragment}) and its model; the fragment reads the model
 * as {@code section}.
 */
public record HomeSectionView(String template, String fragment, Map<String, Object> model) {

    public HomeSectionView {
        model = Map.copyOf(model);
    }
}
