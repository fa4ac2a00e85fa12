package io.sangdam.channel;

import io.sangdam.identity.CurrentUser;
import io.sangdam.platform.RequestRejected;
import io.sangdam.routing.AgentUsername;
import io.sangdam.routing.CenterId;
import io.sangdam.routing.Routing;
import io.sangdam.routing.WrapUpRule;
import org.springframework.stereotype.Component;

/**
 * The consultation records an agent still has to write (chats ended or transferred without their
 * record, as the desk shows them), and the wrap-up discipline built on them: under the center's
 * {@link WrapUpRule#UNTIL_RECORDED} the agent cannot become ready while one is unsaved, and saving
 * the last one ends the wrap-up routing held for it.
 *
 * <p>A supervisor who took a chat over and ended it holds it as its agent did (the chat is theirs
 * from the take-over on), so the same list names it and they write its record like an agent, from
 * the monitor ({@link TakenOverRecords}); the agent it was taken from writes theirs as after a
 * transfer (이관).
 *
 * <p>The check is here and not in routing because routing does not know records; routing's own
 * agent API (for integrations and supervisors) stays an override that does not ask.
 */
@Component
class RecordsToWrite {

    static final String UNWRITTEN = "records-unwritten";

    private final Chats chats;
    private final Routing routing;

    RecordsToWrite(Chats chats, Routing routing) {
        this.chats = chats;
        this.routing = routing;
    }

    int count(String agent) {
        return chats.awaitingRecord(agent).size()
                + chats.handoversAwaitingRecord(agent).size();
    }

    /** The chats this supervisor took over, ended and has not recorded yet, oldest first. */
    java.util.List<Conversations.Conversation> takenOver(String supervisor) {
        return chats.awaitingRecord(supervisor).stream()
                .filter(c -> supervisor.equalsIgnoreCase(c.takenOverBy()))
                .sorted(java.util.Comparator.comparing(Conversations.Conversation::createdAt))
                .toList();
    }

    /** @throws RequestRejected 409 {@value #UNWRITTEN} with the count, under the center's rule */
    void requireNone(CurrentUser agent) {
        if (routing.wrapUpRule(CenterId.of(agent.centerId())) != WrapUpRule.UNTIL_RECORDED) {
            return;
        }
        int unwritten = count(agent.username());
        if (unwritten > 0) {
            throw RequestRejected.conflict(UNWRITTEN, unwritten);
        }
    }

    /** After a record is saved: the last one ends the agent's wrap-up, under the center's rule. */
    void saved(CurrentUser agent) {
        CenterId center = CenterId.of(agent.centerId());
        if (routing.wrapUpRule(center) == WrapUpRule.UNTIL_RECORDED && count(agent.username()) == 0) {
            routing.recordsWritten(center, AgentUsername.of(agent.username()));
        }
    }
}
