package io.sangdam.routing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.platform.RequestRejected;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a routing command may carry before it joins a batch (issue 15, finding 1). */
class CommandTextTests {

    @Test
    void koreanTextEmojiTabsAndNewlinesAndTheLongestIdsPass() {
        assertThatCode(() -> CommandText.check(new RoutingRequest.GoNotReady("gn.agent001", "식사\t😀\n교육")))
                .doesNotThrowAnyException();
        assertThatCode(() -> CommandText.check(
                        new RoutingRequest.Arrive("c".repeat(64), "Q".repeat(30), "CHAT", 0, List.of("SENIOR", "VIP"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> CommandText.check(new RoutingRequest.LogIn("gn.agent001", Map.of("BILLING", 7), 3, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void aNulOtherControlCharactersAndLoneSurrogatesAreRefusedNamingTheField() {
        assertRefusedText(new RoutingRequest.GoNotReady("gn.agent001", "휴식\u0000"), "reason");
        assertRefusedText(new RoutingRequest.GoNotReady("gn.agent001", "휴식\r"), "reason");
        assertRefusedText(new RoutingRequest.GoNotReady("gn.agent001", "\u007f"), "reason");
        assertRefusedText(new RoutingRequest.Arrive("chat-\ud83d", "BILLING", "CHAT", 0, List.of()), "contact");
        assertRefusedText(new RoutingRequest.Arrive("chat-\ude00-1", "BILLING", "CHAT", 0, List.of()), "contact");
        assertRefusedText(new RoutingRequest.Arrive("chat-1", "BILL\u0000", "CHAT", 0, List.of()), "queue");
        assertRefusedText(new RoutingRequest.LogIn("gn.agent001", Map.of("BILL\u0000ING", 7), 3, null), "skills");
        assertRefusedText(
                new RoutingRequest.LogIn("gn.agent001", Map.of("BILLING", 7), 3, List.of("1팀\u0000")), "groups");
    }

    @Test
    void textLongerThanTheLogKeepsIsRefused() {
        assertRefusedText(new RoutingRequest.Arrive("c".repeat(65), "BILLING", "CHAT", 0, List.of()), "contact");
        assertRefusedText(new RoutingRequest.Arrive("chat-1", "Q".repeat(31), "CHAT", 0, List.of()), "queue");
    }

    @Test
    void nullsInListsAndUnknownValuesAreRefusedBeforeTheEngineSeesThem() {
        assertRefusedText(
                new RoutingRequest.Arrive("chat-1", "BILLING", "CHAT", 0, Arrays.asList("VIP", null)), "attributes");
        assertThatThrownBy(() -> CommandText.check(
                        new RoutingRequest.Arrive("chat-1", "BILLING", "CHAT", 0, List.of("CELEBRITY"))))
                .isInstanceOfSatisfying(RequestRejected.class, r -> {
                    assertThat(r.status().value()).isEqualTo(400);
                    assertThat(r.code()).isEqualTo(CommandText.INVALID_COMMAND);
                });
        assertThatThrownBy(() -> CommandText.check(new RoutingRequest.Arrive("chat-1", "BILLING", "FAX", 0, List.of())))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo(CommandText.INVALID_COMMAND));
        assertThatThrownBy(() -> CommandText.check(new RoutingRequest.BecomeReady(null)))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.code()).isEqualTo(CommandText.INVALID_COMMAND));
    }

    private static void assertRefusedText(RoutingRequest request, String field) {
        assertThatThrownBy(() -> CommandText.check(request)).isInstanceOfSatisfying(RequestRejected.class, r -> {
            assertThat(r.status().value()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(CommandText.INVALID_TEXT);
            assertThat(r.arguments()).containsExactly(field);
        });
    }
}
