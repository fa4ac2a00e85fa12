package io.sangdam.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.engine.routing.RoutingCommand.AgentBecameReady;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedIn;
import io.sangdam.engine.routing.RoutingCommand.AgentLoggedOut;
import io.sangdam.engine.routing.RoutingCommand.AgentWentNotReady;
import io.sangdam.engine.routing.RoutingCommand.ClockAdvanced;
import io.sangdam.engine.routing.RoutingCommand.ContactArrived;
import io.sangdam.engine.routing.RoutingCommand.MoveRequested;
import io.sangdam.engine.routing.RoutingCommand.OfferAccepted;
import io.sangdam.engine.routing.RoutingCommand.OfferDeclined;
import io.sangdam.engine.routing.RoutingCommand.TransferRequested;
import io.sangdam.engine.routing.RoutingCommand.WrapUpEnded;
import io.sangdam.engine.routing.RoutingRejected.Problem;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad command is refused with a code that names the problem, and changes nothing. */
class RejectedCommandsTest {

    private static final QueueDefinition SUPPORT = QueueDefinition.queue("support", Channel.VOICE);
    private static final QueueDefinition CLOSED = QueueDefinition.queue("closed", Channel.VOICE)
            .open(BusinessHours.weekdays(ZoneId.of("Asia/Seoul"), LocalTime.of(9, 0), LocalTime.of(10, 0)));

    /** kim busy with "talking", lee reserved with "ringing", park offline, "waiting" in the queue. */
    private static Center busyCenter() {
        Center center = Center.of(SUPPORT, CLOSED, QueueDefinition.queue("chat", Channel.CHAT));
        center.login("kim", "lee", "park");
        center.apply(new AgentLoggedOut(AgentId.of("park")));
        center.arrive("talking", "support");
        center.accept("kim", "talking");
        center.arrive("ringing", "support");
        center.arrive("waiting", "support");
        return center;
    }

    private static void assertRejectedUnchanged(RoutingCommand command, Problem problem) {
        Center center = busyCenter();
        RoutingSnapshot before = center.engine.snapshot();
        List<RoutingEvent> eventsBefore = List.copyOf(center.events);

        assertThatThrownBy(() -> center.apply(command))
                .isInstanceOfSatisfying(
                        RoutingRejected.class,
                        rejected -> assertThat(rejected.problem()).isEqualTo(problem));

        assertThat(center.engine.snapshot()).isEqualTo(before);
        assertThat(center.events).isEqualTo(eventsBefore);
        // And the engine still works: the next command behaves as if nothing happened.
        assertThat(center.apply(new ClockAdvanced(Center.START.plusSeconds(15))))
                .isEqualTo(busyCenter().apply(new ClockAdvanced(Center.START.plusSeconds(15))));
    }

    @Test
    void unknownAgentIsRejected() {
        assertRejectedUnchanged(new AgentBecameReady(AgentId.of("nobody")), Problem.UNKNOWN_AGENT);
    }

    @Test
    void unknownQueueIsRejected() {
        assertRejectedUnchanged(ContactArrived.of("new", "nowhere", Channel.VOICE), Problem.UNKNOWN_QUEUE);
    }

    @Test
    void unknownContactIsRejected() {
        assertRejectedUnchanged(new OfferAccepted(AgentId.of("lee"), ContactId.of("ghost")), Problem.UNKNOWN_CONTACT);
    }

    @Test
    void duplicateContactIsRejected() {
        assertRejectedUnchanged(ContactArrived.of("waiting", "support", Channel.VOICE), Problem.DUPLICATE_CONTACT);
    }

    @Test
    void skillLevelAboveTenIsRejected() {
        assertRejectedUnchanged(
                new AgentLoggedIn(AgentProfile.agent("new").withSkill("loans", 11)), Problem.SKILL_LEVEL_OUT_OF_RANGE);
    }

    @Test
    void skillLevelZeroIsRejected() {
        assertRejectedUnchanged(
                new AgentLoggedIn(AgentProfile.agent("new").withSkill("loans", 0)), Problem.SKILL_LEVEL_OUT_OF_RANGE);
    }

    @Test
    void negativeCapacityIsRejected() {
        assertRejectedUnchanged(
                new AgentLoggedIn(AgentProfile.agent("new").withCapacity(Channel.CHAT, -1)), Problem.NEGATIVE_CAPACITY);
    }

    @Test
    void offerAnsweredTwiceIsRejected() {
        assertRejectedUnchanged(
                new OfferAccepted(AgentId.of("kim"), ContactId.of("talking")), Problem.OFFER_ALREADY_ANSWERED);
    }

    @Test
    void declineAfterAcceptIsRejected() {
        assertRejectedUnchanged(
                new OfferDeclined(AgentId.of("kim"), ContactId.of("talking")), Problem.OFFER_ALREADY_ANSWERED);
    }

    @Test
    void acceptingAnotherAgentsOfferIsRejected() {
        assertRejectedUnchanged(new OfferAccepted(AgentId.of("kim"), ContactId.of("ringing")), Problem.NO_SUCH_OFFER);
    }

    @Test
    void acceptingAWaitingContactIsRejected() {
        assertRejectedUnchanged(new OfferAccepted(AgentId.of("lee"), ContactId.of("waiting")), Problem.NO_SUCH_OFFER);
    }

    @Test
    void commandForOfflineAgentIsRejected() {
        assertRejectedUnchanged(new AgentWentNotReady(AgentId.of("park"), "lunch"), Problem.AGENT_OFFLINE);
    }

    @Test
    void loginTwiceIsRejected() {
        assertRejectedUnchanged(new AgentLoggedIn(AgentProfile.agent("kim")), Problem.AGENT_ALREADY_LOGGED_IN);
    }

    @Test
    void logoutWithContactsIsRejected() {
        assertRejectedUnchanged(new AgentLoggedOut(AgentId.of("kim")), Problem.AGENT_HAS_WORK);
    }

    @Test
    void transferOfAWaitingContactIsRejected() {
        assertRejectedUnchanged(
                new TransferRequested(ContactId.of("waiting"), QueueId.of("support")), Problem.CONTACT_NOT_ASSIGNED);
    }

    @Test
    void transferToAnOfflineColleagueIsRejected() {
        assertRejectedUnchanged(
                new TransferRequested(
                        ContactId.of("talking"), QueueId.of("support"), AgentId.of("park"), Duration.ofSeconds(60)),
                Problem.AGENT_OFFLINE);
    }

    @Test
    void transferToOneselfIsRejected() {
        assertRejectedUnchanged(
                new TransferRequested(
                        ContactId.of("talking"), QueueId.of("support"), AgentId.of("kim"), Duration.ofSeconds(60)),
                Problem.INVALID_COMMAND);
    }

    @Test
    void transferToAColleagueWithoutAWaitIsRejected() {
        assertRejectedUnchanged(
                new TransferRequested(ContactId.of("talking"), QueueId.of("support"), AgentId.of("lee"), Duration.ZERO),
                Problem.INVALID_COMMAND);
    }

    @Test
    void moveOfAnAssignedContactIsRejected() {
        assertRejectedUnchanged(
                new MoveRequested(ContactId.of("talking"), QueueId.of("support")), Problem.CONTACT_NOT_WAITING);
    }

    @Test
    void moveToTheQueueTheContactWaitsInIsRejected() {
        assertRejectedUnchanged(
                new MoveRequested(ContactId.of("waiting"), QueueId.of("support")), Problem.INVALID_COMMAND);
    }

    @Test
    void moveToAnUnknownQueueIsRejected() {
        assertRejectedUnchanged(
                new MoveRequested(ContactId.of("waiting"), QueueId.of("nowhere")), Problem.UNKNOWN_QUEUE);
    }

    @Test
    void transferToAClosedQueueIsRejected() {
        assertRejectedUnchanged(
                new TransferRequested(ContactId.of("talking"), QueueId.of("closed")), Problem.QUEUE_CLOSED);
    }

    @Test
    void transferToAnotherChannelIsRejected() {
        assertRejectedUnchanged(
                new TransferRequested(ContactId.of("talking"), QueueId.of("chat")), Problem.CHANNEL_MISMATCH);
    }

    @Test
    void contactOnTheWrongChannelIsRejected() {
        assertRejectedUnchanged(ContactArrived.of("new", "chat", Channel.VOICE), Problem.CHANNEL_MISMATCH);
    }

    @Test
    void wrapUpEndedOutsideWrapUpIsRejected() {
        assertRejectedUnchanged(new WrapUpEnded(AgentId.of("kim")), Problem.NOT_IN_WRAP_UP);
    }

    @Test
    void extendingARecoveryBreakThatIsNotRunningIsRejected() {
        assertRejectedUnchanged(
                new RoutingCommand.RecoveryExtended(AgentId.of("kim"), java.time.Duration.ofMinutes(5)),
                Problem.NOT_IN_RECOVERY);
    }

    @Test
    void extendingARecoveryBreakByNothingOrMoreThanADayIsRejected() {
        assertRejectedUnchanged(
                new RoutingCommand.RecoveryExtended(AgentId.of("kim"), java.time.Duration.ZERO),
                Problem.INVALID_COMMAND);
        assertRejectedUnchanged(
                new RoutingCommand.RecoveryExtended(AgentId.of("kim"), java.time.Duration.ofDays(2)),
                Problem.INVALID_COMMAND);
    }

    @Test
    void clockGoingBackIsRejected() {
        assertRejectedUnchanged(new ClockAdvanced(Center.START.minusMillis(1)), Problem.CLOCK_WENT_BACKWARDS);
    }

    @Test
    void blankNotReadyReasonIsRejected() {
        assertRejectedUnchanged(new AgentWentNotReady(AgentId.of("lee"), " "), Problem.INVALID_COMMAND);
    }

    @Test
    void originalArrivalInTheFutureIsRejected() {
        assertRejectedUnchanged(
                ContactArrived.of("new", "support", Channel.VOICE).arrivedOriginallyAt(Center.START.plusSeconds(1)),
                Problem.INVALID_COMMAND);
    }

    @Test
    void queueSkillLevelOutOfRangeIsRejectedAtStart() {
        assertThatThrownBy(() -> Center.of(SUPPORT.requiring("loans", 12)))
                .isInstanceOfSatisfying(
                        RoutingRejected.class,
                        rejected -> assertThat(rejected.problem()).isEqualTo(Problem.SKILL_LEVEL_OUT_OF_RANGE));
    }

    @Test
    void overflowToAnUnknownQueueIsRejectedAtStart() {
        assertThatThrownBy(() -> Center.of(
                        SUPPORT.overflowAfter(Duration.ofSeconds(5), new OverflowAction.MoveToQueue(QueueId.of("x")))))
                .isInstanceOfSatisfying(
                        RoutingRejected.class,
                        rejected -> assertThat(rejected.problem()).isEqualTo(Problem.UNKNOWN_QUEUE));
    }

    @Test
    void applyingFromInsideAnEventConsumerIsRefused() {
        Center center = busyCenter();
        assertThatThrownBy(() -> center.engine.apply(
                        new ClockAdvanced(Center.START.plusSeconds(20)),
                        event -> center.engine.apply(new AgentBecameReady(AgentId.of("lee")))))
                .isInstanceOf(IllegalStateException.class);
    }
}
