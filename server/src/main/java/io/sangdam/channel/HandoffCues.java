package io.sangdam.channel;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a customer's question for a reason to stop answering and pass them to an agent: abuse (by
 * protection's screening, the same as in a chat), a request for a person in words, or plain signs of
 * losing patience. Deliberately simple cues: a false alarm costs the center one chat an agent would
 * have taken anyway, a missed one costs a customer who is already annoyed a further bot answer.
 *
 * <p>"사람" alone is too common to count ("다른 사람 명의로 가입"): only a request for one does
 * (사람이랑 통화, 사람 바꿔, a message that is just 사람). "상담사" and "상담원" count wherever
 * they appear: a customer who names the agent to a bot wants one, or has a complaint one should hear.
 *
 * @param abusive protection's screening of the (masked) words
 */
record HandoffCues(Predicate<String> abusive) {

    private static final Pattern ASKS_FOR_AGENT =
            Pattern.compile("상담\\s*[사원]|담당자|(?i:\\b(agent|human|real person)\\b)");

    private static final Pattern ASKS_FOR_PERSON = Pattern.compile("^\\s*(진짜\\s*)?사람\\s*(이요|요)?[\\s.!?]*$"
            + "|사람\\s*(이랑|하고|과|와|한테|에게)?\\s*(연결|통화|바꿔|얘기|이야기|대화|말하)"
            + "|사람\\s*(좀|불러|없어|없나)");

    private static final Pattern FRUSTRATED = Pattern.compile("[?？]{2,}|[!！]{3,}|[?？][!！]|[!！][?？]"
            + "|장난\\s*(해|하|치|까)|답답|짜증|열\\s*받|화\\s*나|말귀|말이\\s*안\\s*통|못\\s*알아듣|몇\\s*번을"
            + "|ㅡㅡ|-_-|(?i:\\b(useless|ridiculous|stupid bot)\\b)");

    Optional<HandoffReason> in(String question) {
        if (abusive.test(question)) {
            return Optional.of(HandoffReason.ABUSE);
        }
        if (ASKS_FOR_AGENT.matcher(question).find()
                || ASKS_FOR_PERSON.matcher(question).find()) {
            return Optional.of(HandoffReason.ASKED);
        }
        if (FRUSTRATED.matcher(question).find()) {
            return Optional.of(HandoffReason.FRUSTRATION);
        }
        return Optional.empty();
    }
}
