package io.sangdam.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the widget asks again where its chat stands: often where it moves soon, seldom where it does not. */
class StatusRefreshTests {

    @Test
    void aCustomerNearTheFrontAsksEveryTenSecondsAndOneFurtherBackEveryThirty() {
        assertThat(Chats.Position.of(Conversations.Status.WAITING, 0, 60).refreshSeconds())
                .isEqualTo(10);
        assertThat(Chats.Position.of(Conversations.Status.WAITING, 9, 600).refreshSeconds())
                .isEqualTo(10);
        assertThat(Chats.Position.of(Conversations.Status.WAITING, 10, 660).refreshSeconds())
                .isEqualTo(30);
        assertThat(Chats.Position.of(Conversations.Status.WAITING, 3000, 90_000).refreshSeconds())
                .isEqualTo(30);
    }

    @Test
    void anOfferedChatIsAskedSoonAndATalkingOrEndedOneSeldom() {
        assertThat(Chats.Position.of(Conversations.Status.OFFERED, 0, 0).refreshSeconds())
                .isEqualTo(10);
        assertThat(Chats.Position.of(Conversations.Status.CONNECTED, 0, 0).refreshSeconds())
                .isEqualTo(30);
        assertThat(Chats.Position.of(Conversations.Status.ENDED, 0, 0).refreshSeconds())
                .isEqualTo(30);
    }
}
