package io.sangdam.channel.demo;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.platform.ModuleInitializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Every partner center's set starts with the sentences the desk offered before quick replies could
 * be edited, in Korean and English, now with variables, so the demo desk has something to type "/" for.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoQuickReplies implements ModuleInitializer {

    private record Reply(String title, String body, String language) {}

    private static final java.util.List<Reply> REPLIES = java.util.List.of(
            new Reply("인사", "안녕하세요, {센터} 상담사 {상담사}입니다. 무엇을 도와드릴까요?", "ko"),
            new Reply("확인중", "확인 후 바로 안내해 드리겠습니다. 잠시만 기다려 주세요.", "ko"),
            new Reply("본인확인", "본인 확인을 위해 성함과 생년월일을 말씀해 주세요.", "ko"),
            new Reply("추가문의", "{고객명}님, 더 궁금하신 점이 있으신가요?", "ko"),
            new Reply("끝인사", "{센터}를 이용해 주셔서 감사합니다. 좋은 하루 보내세요.", "ko"),
            new Reply("hello", "Hello, this is {agent} of {center}. How can I help?", "en"),
            new Reply("checking", "Let me check that for you. One moment, please.", "en"),
            new Reply("identity", "To confirm it is you, please tell me your name and date of birth.", "en"),
            new Reply("anything-else", "Is there anything else I can help with, {customer}?", "en"),
            new Reply("goodbye", "Thank you for contacting {center}. Have a good day.", "en"));

    private final DemoQuickReplyStore store;
    private final CenterDirectory centers;

    DemoQuickReplies(DemoQuickReplyStore store, CenterDirectory centers) {
        this.store = store;
        this.centers = centers;
    }

    @Override
    public void initialize() {
        if (store.hasQuickReplies()) {
            return;
        }
        for (Center center : centers.all()) {
            if (!center.isHeadquarters()) {
                REPLIES.forEach(
                        reply -> store.addCenterReply(center.id(), reply.title(), reply.body(), reply.language()));
            }
        }
    }
}
