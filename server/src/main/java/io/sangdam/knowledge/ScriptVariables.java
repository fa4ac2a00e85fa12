package io.sangdam.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a script's text may name in double braces, filled in by the desk as the agent follows it:
 * {@code {{고객명}}} or {@code {{customer}}} (the customer's name as the desk shows it, masked unless
 * the agent unmasked it), {@code {{상품}}} or {@code {{product}}} (typed by the agent during the run),
 * {@code {{상담사}}} or {@code {{agent}}} and {@code {{센터}}} or {@code {{center}}}. Double braces, not
 * the quick replies' single ones, because a script is read aloud from and a lone brace in it ("{예}")
 * stays text. Anything else in double braces is refused when the script is saved, so a typo never
 * reaches the agent's screen as "{{고객}}".
 */
public enum ScriptVariables {
    CUSTOMER("고객명", "customer"),
    PRODUCT("상품", "product"),
    AGENT("상담사", "agent"),
    CENTER("센터", "center");

    static final Pattern NAMED = Pattern.compile("\\{\\{\\s*([^{}\\s]{1,20})\\s*}}");

    private final String korean;
    private final String english;

    ScriptVariables(String korean, String english) {
        this.korean = korean;
        this.english = english;
    }

    public List<String> names() {
        return List.of(korean, english);
    }

    /** As a form's hint or a refusal lists them: {@code {{고객명}}/{{customer}}, …}. */
    public static String written() {
        return String.join(
                ", ",
                Arrays.stream(values())
                        .map(variable -> "{{" + variable.korean + "}}/{{" + variable.english + "}}")
                        .toList());
    }

    static boolean known(String name) {
        return Arrays.stream(values()).anyMatch(variable -> variable.names().contains(name));
    }

    /** The first name in double braces that is no variable, as written. */
    static Optional<String> firstUnknownIn(String text) {
        Matcher matcher = NAMED.matcher(text);
        while (matcher.find()) {
            if (!known(matcher.group(1))) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
