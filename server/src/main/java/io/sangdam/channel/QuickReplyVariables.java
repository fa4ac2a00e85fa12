package io.sangdam.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a quick reply may name in braces, filled in by the desk when the agent inserts it: {@code
 * {고객명}} or {@code {customer}} (the customer's name as the agent sees it, masked unless the agent
 * unmasked it), {@code {상담사}} or {@code {agent}} (the agent's display name), {@code {센터}} or
 * {@code {center}} (the center's name). One syntax, braces around a name, with a Korean and an
 * English name for each; anything else in braces is refused when the reply is saved, so a typo never
 * reaches a customer as "{고객}".
 */
enum QuickReplyVariables {
    CUSTOMER("고객명", "customer"),
    AGENT("상담사", "agent"),
    CENTER("센터", "center");

    /** Braces around a short word without spaces: "{ a }" or a JSON sample in a reply stays text. */
    private static final Pattern NAMED = Pattern.compile("\\{([^{}\\s]{1,20})}");

    private final String korean;
    private final String english;

    QuickReplyVariables(String korean, String english) {
        this.korean = korean;
        this.english = english;
    }

    List<String> names() {
        return List.of(korean, english);
    }

    /** The variables as a form's hint or a refusal lists them: {@code {고객명}/{customer}, …}. */
    static String written() {
        return String.join(
                ", ",
                Arrays.stream(values())
                        .map(variable -> "{" + variable.korean + "}/{" + variable.english + "}")
                        .toList());
    }

    static boolean known(String name) {
        return Arrays.stream(values()).anyMatch(variable -> variable.names().contains(name));
    }

    /** The first name in braces that is no variable, as written. */
    static Optional<String> firstUnknownIn(String body) {
        Matcher matcher = NAMED.matcher(body);
        while (matcher.find()) {
            if (!known(matcher.group(1))) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
