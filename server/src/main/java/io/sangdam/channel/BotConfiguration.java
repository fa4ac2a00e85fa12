package io.sangdam.channel;

import io.sangdam.identity.NavigationLink;
import io.sangdam.identity.Role;
import io.sangdam.protection.AbuseScreening;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The widget's bot (issue 18): its reply rule, its hand-off cues and the knowledge owner's page in the menu. */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

    /**
     * The thresholds are in the answer source's scores ({@link BotAnswers}); the defaults fit the
     * answer source wired in and are its to justify.
     */
    @Bean
    BotReplyRule botReplyRule(
            @Value("${sangdam.bot.minimum-score:" + BotReplyRule.DEFAULT_MINIMUM_SCORE + "}") double minimumScore,
            @Value("${sangdam.bot.close-ratio:0.8}") double closeRatio) {
        return new BotReplyRule(minimumScore, closeRatio);
    }

    /** Abuse as protection screens a chat message: the same lexicon, edited by the protection team. */
    @Bean
    HandoffCues handoffCues(AbuseScreening screening) {
        return new HandoffCues(text -> screening.screen(text).abusive());
    }

    @Bean
    NavigationLink botReportLink() {
        return new NavigationLink(
                216,
                "/knowledge/bot",
                "nav.bot",
                Set.of(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.PROTECTION_TEAM, Role.ADMINISTRATOR));
    }
}
