package io.sangdam.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words the desk's scripts show, in the page's language: one JSON object from message-bundle
 * key to text, rendered into the desk element's {@code data-texts} (docs/adr/0014). The scripts
 * under {@code static/js/desk/} name these keys; {@code DeskTextsTests} fails when a script names
 * a key missing here or from a bundle, or when a key here is no longer used.
 */
@Component
class DeskTexts {

    /** Keys ending in a value of an enumeration are listed for every value the desk can receive. */
    static final List<String> KEYS = List.of(
            "chat.message",
            "chat.note",
            "chat.send",
            "chat.system",
            "customer.accessibility",
            "customer.email",
            "customer.grade",
            "customer.grade.NORMAL",
            "customer.grade.VIP",
            "customer.grade.VVIP",
            "customer.history.none",
            "customer.name",
            "customer.number",
            "customer.phone",
            "customer.senior",
            "desk.accept",
            "desk.bot",
            "desk.bot.answered",
            "desk.bot.handoff",
            "desk.bot.helpful",
            "desk.bot.nothing",
            "desk.bot.offered",
            "desk.bot.reason",
            "desk.bot.reason.ABUSE",
            "desk.bot.reason.ASKED",
            "desk.bot.reason.FRUSTRATION",
            "desk.bot.reason.TWO_UNHELPFUL",
            "desk.bot.unhelpful",
            "desk.callback",
            "desk.callback-customer",
            "desk.callback-done",
            "desk.callback-hint",
            "desk.callback-left-at",
            "desk.callback-message",
            "desk.callback-offer",
            "desk.callback-phone",
            "desk.callback-unmask",
            "desk.callback-unmask-reason",
            "desk.conversation-ended",
            "desk.customer-gone",
            "desk.decline",
            "desk.end",
            "desk.end-for-abuse",
            "desk.flagged",
            "desk.flagged-claimed",
            "desk.me",
            "desk.offer",
            "desk.protection",
            "desk.record-after-end",
            "desk.records-to-write",
            "desk.reply-wait",
            "desk.seconds",
            "desk.supervisor",
            "desk.state.OFFLINE",
            "desk.state.AVAILABLE",
            "desk.state.NOT_READY",
            "desk.state.RESERVED",
            "desk.state.BUSY",
            "desk.state.WRAP_UP",
            "desk.state.RECOVERY",
            "desk.transfer",
            "desk.transfer-agent-hint",
            "desk.transfer-any-agent",
            "desk.transfer-note",
            "desk.transfer-to",
            "desk.transfer-to-agent",
            "desk.transferred",
            "desk.warn",
            "desk.whisper",
            "desk.warnings-sent",
            "desk.write-record",
            "incidents.category.PROFANITY",
            "incidents.category.INSULT",
            "incidents.category.SEXUAL_HARASSMENT",
            "incidents.category.THREAT",
            "panel.claimed",
            "panel.claimed-lead",
            "panel.code-sent",
            "panel.consultations",
            "panel.contacts",
            "panel.contacts-none",
            "panel.link",
            "panel.no-results",
            "panel.none",
            "panel.search",
            "panel.search-hint",
            "panel.search-logged",
            "panel.send-code",
            "panel.status.WAITING",
            "panel.status.OFFERED",
            "panel.status.CONNECTED",
            "panel.status.ENDED",
            "panel.title",
            "panel.unmask-reason",
            "panel.unmask-submit",
            "panel.unmasked",
            "panel.verified",
            "panel.verified-by",
            "panel.verify-birth-date",
            "panel.verify-code",
            "panel.verify-left",
            "panel.verify-logged",
            "panel.verify-method",
            "panel.verify-method.BIRTH_DATE",
            "panel.verify-method.ONE_TIME_CODE",
            "panel.verify-submit",
            "record.category1",
            "record.category2",
            "record.category3",
            "record.disposition",
            "record.disposition.RESOLVED",
            "record.disposition.FOLLOW_UP",
            "record.disposition.TRANSFERRED",
            "record.disposition.ENDED_FOR_ABUSE",
            "record.disposition.choose",
            "record.disposition.NO_RESPONSE",
            "record.follow-up",
            "record.notes",
            "record.save",
            "record.saved",
            "record.title",
            // issue 18: kb-assist (static/js/desk/knowledge-panel.js)
            "desk.knowledge",
            "desk.knowledge.search",
            "desk.knowledge.search-hint",
            "desk.knowledge.search-submit",
            "desk.knowledge.suggestions",
            "desk.knowledge.suggested",
            "desk.knowledge.none-suggested",
            "desk.knowledge.waiting",
            "desk.knowledge.results",
            "desk.knowledge.found",
            "desk.knowledge.none-found",
            "desk.knowledge.insert",
            "desk.knowledge.insert-named",
            "desk.knowledge.inserted",
            "desk.knowledge.ended",
            "desk.knowledge.back-to-suggestions",
            "desk.knowledge.back-to-results",
            // issue 17: replies (static/js/desk/quick-replies.js)
            "desk.quick-replies.count",
            "desk.quick-replies.customer-fallback",
            "desk.quick-replies.listbox",
            "desk.quick-replies.none-found",
            "desk.quick-replies.open",
            "desk.quick-replies.search",
            "desk.quick-replies.scope.PERSONAL",
            "desk.quick-replies.scope.TEAM",
            "desk.quick-replies.scope.CENTER",
            "desk.quick-replies.slash-hint",
            "desk.quick-replies",
            // issue 17: desk (offer card, conversation list, notifications; the customer's messages)
            "desk.customer",
            "desk.list-ended",
            "desk.notifications.blocked",
            "desk.notifications.on",
            "desk.offer-blink",
            "desk.offer-first-message",
            "desk.offer-no-message",
            "desk.offer-notification",
            "desk.offer-topic",
            "desk.offer-waited",
            "desk.unread",
            // issue 18: scripts (the script panel beside a chat, desk/script-runner.js)
            "desk.scripts.abandon",
            "desk.scripts.another",
            "desk.scripts.back",
            "desk.scripts.choose",
            "desk.scripts.close",
            "desk.scripts.finished",
            "desk.scripts.heading",
            "desk.scripts.kind.ASK",
            "desk.scripts.kind.END",
            "desk.scripts.kind.NOTE",
            "desk.scripts.kind.SAY",
            "desk.scripts.next",
            "desk.scripts.none",
            "desk.scripts.open",
            "desk.scripts.path",
            "desk.scripts.product",
            "desk.scripts.product-save",
            "desk.scripts.record",
            "desk.scripts.start",
            "desk.scripts.status.ABANDONED",
            "desk.scripts.status.ACTIVE",
            "desk.scripts.status.FINISHED",
            "desk.scripts.title",
            "desk.scripts.withdrawn");

    private final MessageSource messages;
    private final JsonMapper json;

    DeskTexts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * The texts as JSON, unformatted as {@code #{...}} gives them ({@code {0}} left for the script).
     * Written into an attribute, so Thymeleaf's attribute escaping is the only escaping it needs.
     */
    String json(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        // A key missing from the bundle shows as the key, as the script would show it: the desk
        // still opens, and DeskTextsTests catches the omission before a release.
        KEYS.forEach(key -> texts.put(key, messages.getMessage(key, null, key, locale)));
        return json.writeValueAsString(texts);
    }
}
