package io.sangdam.engine.routing;

import static io.sangdam.engine.routing.Center.offeredIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.engine.routing.AgentState.Available;
import io.sangdam.engine.routing.AgentState.Busy;
import io.sangdam.engine.routing.AgentState.NotReady;
import io.sangdam.engine.routing.AgentState.Recovery;
import io.sangdam.engine.routing.AgentState.Reserved;
import io.sangdam.engine.routing.AgentState.WrapUp;
import io.sangdam.engine.routing.OverflowAction.LowerMinimumLevel;
import io.sangdam.engine.routing.OverflowAction.MoveToQueue;
import io.sangdam.engine.routing.OverflowAction.WidenToGroup;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedOut;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.ContactEnded;
import io.sangdam.engine.routing.RoutingCommand.MoveRequested;
import io.sangdam.engine.routing.RoutingCommand.TransferRequested;
import io.sangdam.engine.routing.RoutingCommand.WrapUpEnded;
import io.sangdam.engine.routing.RoutingEvent.ContactAbandoned;
import io.sangdam.engine.routing.RoutingEvent.ContactAssigned;
import io.sangdam.engine.routing.RoutingEvent.ContactCompleted;
import io.sangdam.engine.routing.RoutingEvent.ContactOverflowed;
import io.sangdam.engine.routing.RoutingEvent.ContactQueued;
import io.sangdam.engine.routing.RoutingEvent.ContactTurnedAway;
import io.sangdam.engine.routing.RoutingEvent.OfferMissed;
import io.sangdam.engine.routing.RoutingEvent.PreferredAgentWaitEnded;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    private static final QueueDefinition SUPPORT = QueueDefinition.queue("support", Channel.VOICE);
    private static final QueueDefinition CHAT = QueueDefinition.queue("chat", Channel.CHAT);

    // ------------------------------------------------------------ selection of an agent

    @Test
    void newContactGoesToLongestIdleAgent() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.seconds(5);
        center.login("lee");
        center.seconds(5);

        assertThat(offeredIn(center.arrive("c1", "support"), "c1")).isEqualTo("kim");
    }

    @Test
    void leastOccupiedAgentIsChosen() {
        Center center = Center.of(SUPPORT.choosing(SelectionStrategy.LEAST_OCCUPIED));
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.seconds(300);
        center.end("c1");
        center.login("lee");
        center.seconds(60);
        // kim has been idle longer than lee, but kim handled five minutes and lee nothing.

        assertThat(offeredIn(center.arrive("c2", "support"), "c2")).isEqualTo("lee");
    }

    @Test
    void bestSkillLevelAgentIsChosen() {
        Center center = Center.of(SUPPORT.requiring("loans", 3).choosing(SelectionStrategy.BEST_SKILL_LEVEL));
        center.login(AgentProfile.agent("kim").withSkill("loans", 4));
        center.login(AgentProfile.agent("lee").withSkill("loans", 9));
        center.login(AgentProfile.agent("park").withSkill("loans", 2));

        assertThat(offeredIn(center.arrive("c1", "support"), "c1")).isEqualTo("lee");
    }

    @Test
    void roundRobinOffersToTheAgentOfferedLeastRecently() {
        Center center = Center.of(SUPPORT.choosing(SelectionStrategy.ROUND_ROBIN));
        center.login("kim", "lee");
        center.arrive("c1", "support");
        assertThat(center.answer("c1")).isEqualTo("kim");
        center.end("c1");
        center.arrive("c2", "support");
        assertThat(center.answer("c2")).isEqualTo("lee");
        center.end("c2");

        assertThat(offeredIn(center.arrive("c3", "support"), "c3")).isEqualTo("kim");
    }

    @Test
    void agentWithoutRequiredSkillLevelIsNotOffered() {
        Center center = Center.of(SUPPORT.requiring("loans", 5));
        center.login(AgentProfile.agent("kim").withSkill("loans", 4));

        assertThat(offeredIn(center.arrive("c1", "support"), "c1")).isNull();
        assertThat(center.eventsOf(ContactQueued.class)).hasSize(1);
    }

    // ------------------------------------------------------------ selection of a contact

    @Test
    void freedAgentTakesHighestPriorityContact() {
        Center center = Center.of(SUPPORT.agingPerMinute(0));
        center.login("kim");
        center.arrive("busy", "support");
        center.answer("busy");
        center.arrive("low", "support");
        center.arrive(ContactArrived.of("high", "support", Channel.VOICE).withPriority(5));

        assertThat(offeredIn(center.end("busy"), "high")).isEqualTo("kim");
    }

    @Test
    void oldestContactIsServedFirstWithinOnePriority() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("busy", "support");
        center.answer("busy");
        center.arrive("first", "support");
        center.seconds(1);
        center.arrive("second", "support");

        assertThat(offeredIn(center.end("busy"), "first")).isEqualTo("kim");
    }

    @Test
    void agingLetsAnOldContactBeatANewerHigherPriorityOne() {
        Center center = Center.of(SUPPORT.agingPerMinute(1));
        center.login("kim");
        center.arrive("busy", "support");
        center.answer("busy");
        center.arrive("old", "support");
        center.seconds(180);
        center.arrive(ContactArrived.of("urgent", "support", Channel.VOICE).withPriority(2));

        // old: 0 + 3 minutes of aging = 3 beats urgent: 2 + 0.
        assertThat(offeredIn(center.end("busy"), "old")).isEqualTo("kim");
    }

    @Test
    void freedAgentComparesContactsAcrossQueues() {
        QueueDefinition sales = QueueDefinition.queue("sales", Channel.VOICE).withPriority(3);
        Center center = Center.of(SUPPORT, sales);
        center.login("kim");
        center.arrive("busy", "support");
        center.answer("busy");
        center.arrive("s1", "support");
        center.arrive("s2", "sales");

        assertThat(offeredIn(center.end("busy"), "s2")).isEqualTo("kim");
    }

    // ------------------------------------------------------------ offers

    @Test
    void acceptedOfferMakesAgentBusy() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        assertThat(center.state("kim")).isEqualTo(new Reserved(ContactId.of("c1")));

        assertThat(center.accept("kim", "c1")).hasAtLeastOneElementOfType(ContactAssigned.class);
        assertThat(center.state("kim")).isEqualTo(new Busy(1));
    }

    @Test
    void offerTimesOutAfterFifteenSecondsAndGoesToTheNextAgent() {
        Center center = Center.of(SUPPORT);
        center.login("kim", "lee");
        center.arrive("c1", "support");
        assertThat(center.seconds(14)).isEmpty();

        var caused = center.seconds(1);

        assertThat(caused)
                .contains(new OfferMissed(Center.START.plusSeconds(15), ContactId.of("c1"), AgentId.of("kim"), true));
        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    @Test
    void twoMissedOffersInARowMakeAgentNotReadyForMissedOffers() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.decline("kim", "c1");
        center.arrive("c2", "support");
        center.decline("kim", "c2");

        assertThat(center.state("kim")).isEqualTo(new NotReady(RoutingSettings.MISSED_OFFERS));
    }

    @Test
    void acceptingAnOfferResetsTheMissedCount() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.decline("kim", "c1");
        center.arrive("c2", "support");
        center.accept("kim", "c2");
        center.end("c2");
        center.seconds(31);
        center.decline("kim", "c1");

        assertThat(center.state("kim")).isEqualTo(new Available());
    }

    @Test
    void declinedContactIsKeptAwayFromThatAgentForThirtySeconds() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        var declined = center.decline("kim", "c1");
        assertThat(offeredIn(declined, "c1")).isNull();
        assertThat(center.seconds(29)).isEmpty();

        assertThat(offeredIn(center.seconds(1), "c1")).isEqualTo("kim");
    }

    // ------------------------------------------------------------ capacity

    @Test
    void chatAgentTakesUpToThreeChats() {
        Center center = Center.of(CHAT);
        center.login("kim");
        for (int i = 1; i <= 4; i++) {
            center.chat("chat" + i, "chat");
            if (i <= 3) {
                center.answer("chat" + i);
            }
        }

        assertThat(center.state("kim")).isEqualTo(new Busy(3));
        assertThat(center.offeredAgent("chat4")).isNull();
        assertThat(offeredIn(center.end("chat1"), "chat4")).isEqualTo("kim");
    }

    @Test
    void voiceExcludesChatsByDefault() {
        Center center = Center.of(SUPPORT, CHAT);
        center.login("kim");
        center.arrive("call", "support");
        center.answer("call");

        assertThat(offeredIn(center.chat("chat1", "chat"), "chat1")).isNull();
    }

    @Test
    void voiceAlongsideChatsWhenConfigured() {
        Center center = Center.of(SUPPORT, CHAT);
        center.login(AgentProfile.agent("kim").voiceAlongsideOtherWork());
        center.arrive("call", "support");
        center.answer("call");

        assertThat(offeredIn(center.chat("chat1", "chat"), "chat1")).isEqualTo("kim");
    }

    @Test
    void agentWithZeroChatCapacityGetsNoChats() {
        Center center = Center.of(CHAT);
        center.login(AgentProfile.agent("kim").withCapacity(Channel.CHAT, 0));

        assertThat(offeredIn(center.chat("chat1", "chat"), "chat1")).isNull();
    }

    // ------------------------------------------------------------ wrap-up, recovery, readiness

    @Test
    void wrapUpFollowsTheLastContactAndEndsByTimer() {
        Center center = Center.of(SUPPORT.withWrapUp(Duration.ofSeconds(30)));
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.end("c1");
        assertThat(center.state("kim")).isEqualTo(new WrapUp(Center.START.plusSeconds(30)));
        center.arrive("c2", "support");
        assertThat(center.offeredAgent("c2")).isNull();

        assertThat(offeredIn(center.seconds(30), "c2")).isEqualTo("kim");
    }

    @Test
    void wrapUpEndsEarlyOnRequest() {
        Center center = Center.of(SUPPORT.withWrapUp(Duration.ofSeconds(30)));
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.end("c1");

        center.apply(new WrapUpEnded(AgentId.of("kim")));

        assertThat(center.state("kim")).isEqualTo(new Available());
    }

    @Test
    void wrapUpUntilEndedHasNoTimerAndEndsOnlyByCommand() {
        Center center = Center.of(SUPPORT.withWrapUp(Duration.ofSeconds(30)));
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.apply(new ContactEnded(ContactId.of("c1"), false, true));
        assertThat(center.state("kim")).isEqualTo(new WrapUp(null));
        center.arrive("c2", "support");

        center.seconds(3600);
        assertThat(center.state("kim")).isEqualTo(new WrapUp(null));
        assertThat(center.offeredAgent("c2")).isNull();
        assertThat(center.engine.nextDeadline()).isEmpty();

        assertThat(offeredIn(center.apply(new WrapUpEnded(AgentId.of("kim"))), "c2"))
                .isEqualTo("kim");
    }

    @Test
    void wrapUpUntilEndedAppliesEvenWhereTheQueueHasNoWrapUpTime() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");

        center.apply(new ContactEnded(ContactId.of("c1"), false, true));

        assertThat(center.state("kim")).isEqualTo(new WrapUp(null));
    }

    @Test
    void wrapUpUntilEndedStartsOnlyWithTheLastChat() {
        Center center = Center.of(CHAT);
        center.login("kim");
        center.chat("chat1", "chat");
        center.answer("chat1");
        center.chat("chat2", "chat");
        center.answer("chat2");

        center.apply(new ContactEnded(ContactId.of("chat1"), false, true));
        assertThat(center.state("kim")).isEqualTo(new Busy(1));
        assertThat(offeredIn(center.chat("chat3", "chat"), "chat3")).isEqualTo("kim");
        center.answer("chat3");
        center.apply(new ContactEnded(ContactId.of("chat2"), false, true));
        center.apply(new ContactEnded(ContactId.of("chat3"), false, true));

        assertThat(center.state("kim")).isEqualTo(new WrapUp(null));
    }

    @Test
    void aBreakAskedForDuringAWrapUpUntilEndedFollowsIt() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.apply(new ContactEnded(ContactId.of("c1"), false, true));
        center.notReady("kim", "break");
        assertThat(center.state("kim")).isEqualTo(new WrapUp(null));

        center.apply(new WrapUpEnded(AgentId.of("kim")));

        assertThat(center.state("kim")).isEqualTo(new NotReady("break"));
    }

    @Test
    void transferringTheLastContactMayHoldTheAgentInWrapUpUntilEnded() {
        Center center = Center.of(SUPPORT, QueueDefinition.queue("sales", Channel.VOICE));
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");

        center.apply(new TransferRequested(ContactId.of("c1"), QueueId.of("sales"), null, Duration.ZERO, true));

        assertThat(center.state("kim")).isEqualTo(new WrapUp(null));
    }

    @Test
    void replayingTheLogEndsAWrapUpUntilEndedAtTheSameCommand() {
        List<RoutingCommand> log = List.of(
                new RoutingCommand.AgentLoggedIn(AgentProfile.agent("kim")),
                ContactArrived.of("c1", "support", Channel.VOICE),
                new RoutingCommand.OfferAccepted(AgentId.of("kim"), ContactId.of("c1")),
                new ContactEnded(ContactId.of("c1"), false, true),
                ContactArrived.of("c2", "support", Channel.VOICE),
                new RoutingCommand.ClockAdvanced(Center.START.plusSeconds(600)),
                new WrapUpEnded(AgentId.of("kim")));
        Center live = Center.of(SUPPORT);
        log.forEach(live::apply);
        Center rebuilt = Center.of(SUPPORT);
        log.subList(0, log.size() - 1).forEach(rebuilt::apply);
        // Ten minutes of clock in the log end nothing: no timer was set, so none fires on replay.
        assertThat(rebuilt.state("kim")).isEqualTo(new WrapUp(null));
        rebuilt.apply(log.getLast());

        assertThat(rebuilt.events).isEqualTo(live.events);
        assertThat(rebuilt.engine.snapshot()).isEqualTo(live.engine.snapshot());
        assertThat(rebuilt.offeredAgent("c2")).isEqualTo("kim");
    }

    @Test
    void abusiveContactGivesARecoveryBreakWithoutOffers() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.apply(new ContactEnded(ContactId.of("c1"), true));
        assertThat(center.state("kim")).isEqualTo(new Recovery(Center.START.plus(Duration.ofMinutes(10))));
        center.arrive("c2", "support");
        center.seconds(599);
        assertThat(center.offeredAgent("c2")).isNull();

        assertThat(offeredIn(center.seconds(1), "c2")).isEqualTo("kim");
    }

    @Test
    void aSupervisorExtendsARecoveryBreakAndRoutingWaitsForTheNewEnd() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.apply(new ContactEnded(ContactId.of("c1"), true));
        center.seconds(120);
        center.apply(new RoutingCommand.RecoveryExtended(AgentId.of("kim"), Duration.ofMinutes(5)));
        assertThat(center.state("kim")).isEqualTo(new Recovery(Center.START.plus(Duration.ofMinutes(15))));
        center.arrive("c2", "support");
        center.seconds(480 + 299);
        assertThat(center.offeredAgent("c2"))
                .as("nothing at the first end of the break, 10 min")
                .isNull();

        assertThat(offeredIn(center.seconds(1), "c2")).isEqualTo("kim");
    }

    @Test
    void notReadyAgentGetsNoOffersUntilReady() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.notReady("kim", "lunch");
        center.arrive("c1", "support");
        assertThat(center.offeredAgent("c1")).isNull();

        assertThat(offeredIn(center.ready("kim"), "c1")).isEqualTo("kim");
    }

    @Test
    void breakRequestedDuringACallStartsWhenTheCallEnds() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.notReady("kim", "lunch");
        assertThat(center.state("kim")).isEqualTo(new Busy(1));
        center.end("c1");

        assertThat(center.state("kim")).isEqualTo(new NotReady("lunch"));
    }

    @Test
    void agentMayLogInNotReady() {
        Center center = Center.of(SUPPORT);
        center.arrive("c1", "support");

        var caused = center.apply(new RoutingCommand.AgentLoggedIn(AgentProfile.agent("kim"), "logging in"));

        assertThat(offeredIn(caused, "c1")).isNull();
        assertThat(center.state("kim")).isEqualTo(new NotReady("logging in"));
        assertThat(offeredIn(center.ready("kim"), "c1")).isEqualTo("kim");
    }

    @Test
    void loggedOutAgentIsOffline() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.apply(new AgentLoggedOut(AgentId.of("kim")));

        assertThat(center.state("kim")).isEqualTo(AgentState.OFFLINE);
        assertThat(center.offeredAgent("c1")).isNull();
    }

    // ------------------------------------------------------------ overflow

    @Test
    void overflowsToSecondQueueAfterSixtySeconds() {
        QueueDefinition first = SUPPORT.requiring("cards", 1)
                .overflowAfter(Duration.ofSeconds(60), new MoveToQueue(QueueId.of("general")));
        QueueDefinition general = QueueDefinition.queue("general", Channel.VOICE);
        Center center = Center.of(first, general);
        center.login("kim");
        center.arrive("c1", "support");
        assertThat(center.seconds(59)).isEmpty();

        var caused = center.seconds(1);

        assertThat(caused)
                .contains(new ContactOverflowed(
                        Center.START.plusSeconds(60),
                        ContactId.of("c1"),
                        QueueId.of("support"),
                        QueueId.of("general"),
                        1));
        assertThat(offeredIn(caused, "c1")).isEqualTo("kim");
    }

    @Test
    void relaxesMinimumLevelAfterThirtySeconds() {
        Center center = Center.of(SUPPORT.requiring("loans", 7)
                .overflowAfter(Duration.ofSeconds(30), new LowerMinimumLevel(SkillId.of("loans"), 4)));
        center.login(AgentProfile.agent("kim").withSkill("loans", 5));
        center.arrive("c1", "support");
        assertThat(center.seconds(29)).isEmpty();

        assertThat(offeredIn(center.seconds(1), "c1")).isEqualTo("kim");
    }

    @Test
    void widensToAnotherAgentGroupAfterWaiting() {
        Center center = Center.of(SUPPORT.forGroup("seoul")
                .overflowAfter(Duration.ofSeconds(20), new WidenToGroup(AgentGroupId.of("busan"))));
        center.login(AgentProfile.agent("kim").inGroup("busan"));
        center.arrive("c1", "support");
        assertThat(center.offeredAgent("c1")).isNull();

        assertThat(offeredIn(center.seconds(20), "c1")).isEqualTo("kim");
    }

    @Test
    void overflowDueDuringAnOfferAppliesWhenTheOfferIsMissed() {
        Center center = Center.of(SUPPORT.forGroup("seoul")
                .overflowAfter(Duration.ofSeconds(10), new WidenToGroup(AgentGroupId.of("busan"))));
        center.login(AgentProfile.agent("kim").inGroup("seoul"));
        center.login(AgentProfile.agent("lee").inGroup("busan"));
        center.arrive("c1", "support");
        center.seconds(12);

        var caused = center.decline("kim", "c1");

        assertThat(caused).hasAtLeastOneElementOfType(ContactOverflowed.class);
        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    // ------------------------------------------------------------ lanes and preferred agents

    @Test
    void seniorContactGoesOnlyToTheSeniorLane() {
        Center center = new Center(RoutingConfiguration.of(SUPPORT).withLane(ContactAttribute.SENIOR, "senior-lane"));
        center.login("kim");
        center.arrive(ContactArrived.of("c1", "support", Channel.VOICE).withAttributes(ContactAttribute.SENIOR));
        assertThat(center.offeredAgent("c1")).isNull();
        center.login(AgentProfile.agent("lee").inGroup("senior-lane"));

        assertThat(center.offeredAgent("c1")).isEqualTo("lee");
    }

    @Test
    void flaggedAbusiveCustomerLaneWinsOverSeniorLane() {
        Center center = new Center(RoutingConfiguration.of(SUPPORT)
                .withLane(ContactAttribute.SENIOR, "senior-lane")
                .withLane(ContactAttribute.FLAGGED_ABUSIVE, "specialists"));
        center.login(AgentProfile.agent("kim").inGroup("senior-lane"));
        center.login(AgentProfile.agent("lee").inGroup("specialists"));

        var caused = center.arrive(ContactArrived.of("c1", "support", Channel.VOICE)
                .withAttributes(ContactAttribute.SENIOR, ContactAttribute.FLAGGED_ABUSIVE));

        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    @Test
    void preferredAgentGetsTheContactWhenFree() {
        Center center = Center.of(SUPPORT);
        center.login("kim", "lee");
        center.arrive("other", "support");
        center.answer("other");
        center.arrive(ContactArrived.of("c1", "support", Channel.VOICE).preferring("kim", Duration.ofMinutes(1)));
        assertThat(center.offeredAgent("c1")).isNull();

        assertThat(offeredIn(center.end("other"), "c1")).isEqualTo("kim");
    }

    @Test
    void preferredAgentWaitEndsAfterLimit() {
        Center center = Center.of(SUPPORT);
        center.login("kim", "lee");
        center.arrive("other", "support");
        assertThat(center.answer("other")).isEqualTo("kim");
        center.arrive(ContactArrived.of("c1", "support", Channel.VOICE).preferring("kim", Duration.ofSeconds(45)));
        assertThat(center.seconds(44)).isEmpty();

        var caused = center.seconds(1);

        assertThat(caused)
                .contains(new PreferredAgentWaitEnded(
                        Center.START.plusSeconds(45), ContactId.of("c1"), AgentId.of("kim")));
        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    // ------------------------------------------------------------ transfers, ends, business hours

    @Test
    void transferKeepsTheOriginalArrivalTime() {
        QueueDefinition billing = QueueDefinition.queue("billing", Channel.VOICE);
        Center center = Center.of(SUPPORT, billing);
        center.login("kim");
        center.arrive("c1", "support");
        center.seconds(10);
        center.answer("c1");
        center.seconds(50);
        center.login("lee");

        var caused = center.apply(new TransferRequested(ContactId.of("c1"), QueueId.of("billing")));
        center.accept("lee", "c1");

        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
        assertThat(center.eventsOf(ContactAssigned.class).getLast().originalArrival())
                .isEqualTo(Center.START);
    }

    @Test
    void aWaitingContactMovedToAnotherQueueKeepsItsOriginalArrival() {
        QueueDefinition billing =
                QueueDefinition.queue("billing", Channel.VOICE).requiring("billing", 1);
        Center center = Center.of(SUPPORT.requiring("support", 1), billing);
        center.arrive("c1", "support");
        center.seconds(40);
        center.login(AgentProfile.agent("lee").withSkill("billing", 5));

        var caused = center.apply(new MoveRequested(ContactId.of("c1"), QueueId.of("billing")));
        center.accept("lee", "c1");

        assertThat(caused)
                .contains(new RoutingEvent.ContactMoved(
                        Center.START.plusSeconds(40),
                        ContactId.of("c1"),
                        QueueId.of("support"),
                        QueueId.of("billing")));
        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
        assertThat(center.eventsOf(ContactAssigned.class).getLast().originalArrival())
                .isEqualTo(Center.START);
    }

    @Test
    void contactEndedWhileWaitingIsAbandoned() {
        Center center = Center.of(SUPPORT);
        center.arrive("c1", "support");

        assertThat(center.end("c1")).hasExactlyElementsOfTypes(ContactAbandoned.class);
    }

    @Test
    void contactEndedWhileOfferedIsAbandonedAndFreesTheAgent() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.end("c1");

        assertThat(center.eventsOf(ContactAbandoned.class)).hasSize(1);
        assertThat(center.state("kim")).isEqualTo(new Available());
    }

    @Test
    void contactEndedWhileAssignedIsCompleted() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");

        assertThat(center.end("c1")).hasAtLeastOneElementOfType(ContactCompleted.class);
    }

    @Test
    void closedQueueTurnsNewContactsAway() {
        // START is a Tuesday 09:00 UTC = 18:00 in Seoul.
        Center center = Center.of(
                SUPPORT.open(BusinessHours.weekdays(ZoneId.of("Asia/Seoul"), LocalTime.of(9, 0), LocalTime.of(18, 0))));
        center.login("kim");

        assertThat(center.arrive("c1", "support")).hasExactlyElementsOfTypes(ContactTurnedAway.class);
        assertThat(center.engine.snapshot().contacts()).isEmpty();
    }

    @Test
    void preferredAgentWhoIsOfflineIsNotWaitedFor() {
        Center center = Center.of(SUPPORT);
        center.login("lee");

        var caused = center.arrive(
                ContactArrived.of("c1", "support", Channel.VOICE).preferring("kim", Duration.ofMinutes(5)));

        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    @Test
    void preferredAgentDecliningEndsTheWaitForThem() {
        Center center = Center.of(SUPPORT);
        center.login("kim");
        center.arrive("other", "support");
        center.answer("other");
        center.arrive(ContactArrived.of("c1", "support", Channel.VOICE).preferring("kim", Duration.ofMinutes(5)));
        center.end("other");
        center.decline("kim", "c1");
        center.login("lee");
        assertThat(center.offeredAgent("c1")).isEqualTo("lee");
    }

    @Test
    void preferredAgentLoggingOutReleasesTheContactsWaitingForThem() {
        Center center = Center.of(SUPPORT);
        center.login("kim", "lee");
        center.notReady("kim", "meeting");
        center.notReady("lee", "meeting");
        center.arrive(ContactArrived.of("c1", "support", Channel.VOICE).preferring("kim", Duration.ofMinutes(5)));
        center.ready("lee");
        assertThat(center.offeredAgent("c1")).isNull();

        var caused = center.apply(new AgentLoggedOut(AgentId.of("kim")));

        assertThat(caused).hasAtLeastOneElementOfType(PreferredAgentWaitEnded.class);
        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    @Test
    void transferToAColleagueWaitsForThemFirstThenGoesToAnyone() {
        QueueDefinition billing = QueueDefinition.queue("billing", Channel.VOICE);
        Center center = Center.of(SUPPORT, billing);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.login("lee");
        center.notReady("lee", "meeting");
        center.login("park");

        var caused = center.apply(new TransferRequested(
                ContactId.of("c1"), QueueId.of("billing"), AgentId.of("lee"), Duration.ofSeconds(30)));
        assertThat(offeredIn(caused, "c1"))
                .as("park is free but not the one asked for")
                .isNull();

        assertThat(offeredIn(center.ready("lee"), "c1")).isEqualTo("lee");
    }

    @Test
    void transferToABusyColleagueGoesToAnyoneAfterTheWait() {
        QueueDefinition billing = QueueDefinition.queue("billing", Channel.VOICE);
        Center center = Center.of(SUPPORT, billing);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");
        center.login("lee");
        center.notReady("lee", "meeting");
        center.login("park");

        center.apply(new TransferRequested(
                ContactId.of("c1"), QueueId.of("billing"), AgentId.of("lee"), Duration.ofSeconds(30)));
        assertThat(center.offeredAgent("c1")).isNull();

        var caused = center.seconds(30);
        assertThat(caused).hasAtLeastOneElementOfType(PreferredAgentWaitEnded.class);
        // Kim's keep-away after transferring has passed too, so either free agent may get it.
        assertThat(offeredIn(caused, "c1")).isIn("kim", "park");
    }

    @Test
    void transferringAgentDoesNotGetTheContactBack() {
        QueueDefinition billing = QueueDefinition.queue("billing", Channel.VOICE);
        Center center = Center.of(SUPPORT, billing);
        center.login("kim");
        center.arrive("c1", "support");
        center.answer("c1");

        var caused = center.apply(new TransferRequested(ContactId.of("c1"), QueueId.of("billing")));

        assertThat(offeredIn(caused, "c1")).isNull();
        assertThat(offeredIn(center.seconds(30), "c1")).isEqualTo("kim");
    }

    @Test
    void queueOpenDuringBusinessHoursTakesContacts() {
        // START is 18:00 in Seoul; a 09:00-20:00 queue is open.
        Center center = Center.of(
                SUPPORT.open(BusinessHours.every(ZoneId.of("Asia/Seoul"), LocalTime.of(9, 0), LocalTime.of(20, 0))));
        center.login("kim");

        assertThat(offeredIn(center.arrive("c1", "support"), "c1")).isEqualTo("kim");
    }

    @Test
    void contactsAlreadyWaitingAreServedAfterClosingTime() {
        Center center = Center.of(
                SUPPORT.open(BusinessHours.every(ZoneId.of("Asia/Seoul"), LocalTime.of(9, 0), LocalTime.of(18, 1))));
        center.arrive("c1", "support");
        center.seconds(120);
        center.login("kim");

        assertThat(center.offeredAgent("c1")).isEqualTo("kim");
    }

    @Test
    void accessibilityLaneTakesContactsOfCustomersWhoNeedIt() {
        Center center =
                new Center(RoutingConfiguration.of(SUPPORT).withLane(ContactAttribute.ACCESSIBILITY, "accessibility"));
        center.login("kim");
        center.login(AgentProfile.agent("lee").inGroup("accessibility"));

        var caused = center.arrive(
                ContactArrived.of("c1", "support", Channel.VOICE).withAttributes(ContactAttribute.ACCESSIBILITY));

        assertThat(offeredIn(caused, "c1")).isEqualTo("lee");
    }

    @Test
    void contactWithoutLaneAttributeMayGoToALaneAgent() {
        Center center = new Center(RoutingConfiguration.of(SUPPORT).withLane(ContactAttribute.SENIOR, "senior-lane"));
        center.login(AgentProfile.agent("lee").inGroup("senior-lane"));

        assertThat(offeredIn(center.arrive("c1", "support"), "c1")).isEqualTo("lee");
    }

    @Test
    void higherQueuePriorityWinsForAFreedAgent() {
        QueueDefinition vip = QueueDefinition.queue("vip", Channel.VOICE).withPriority(10);
        Center center = Center.of(SUPPORT, vip);
        center.login("kim");
        center.arrive("busy", "support");
        center.answer("busy");
        center.arrive("normal", "support");
        center.seconds(60);
        center.arrive("important", "vip");

        assertThat(offeredIn(center.end("busy"), "important")).isEqualTo("kim");
    }
}
