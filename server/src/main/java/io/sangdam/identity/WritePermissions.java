package io.sangdam.identity;

import static io.sangdam.identity.Role.ADMINISTRATOR;
import static io.sangdam.identity.Role.AGENT;
import static io.sangdam.identity.Role.CENTER_MANAGER;
import static io.sangdam.identity.Role.EXECUTIVE;
import static io.sangdam.identity.Role.PROTECTION_TEAM;
import static io.sangdam.identity.Role.SUPERVISOR;
import static io.sangdam.identity.Role.WFM_PLANNER;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may change what: every state-changing endpoint of the server (POST, PUT, PATCH, DELETE;
 * pages, the desk's and board's calls, the API, the customers' chat and the cluster's calls) with
 * the decision for it. This table is the authority: {@link WriteAuthorization} enforces it in every
 * security chain before a controller runs, and {@code WritePermissionsTests} fails when a handler
 * exists without a line here (or a line names no handler). The {@code @PreAuthorize} annotations
 * and the checks in code (own center, own agent) that remain are a second wall; they never allow
 * what this table refuses.
 *
 * <p>The executive sits in and reads: no write of theirs is allowed, except on their own account
 * (password, language, API tokens). Calls that only compute an answer and store nothing (the
 * staffing calculator, masking, abuse classification) are marked {@link Computes}.
 */
final class WritePermissions {

    /** What a rule decides. */
    sealed interface Allowed permits Roles, OwnAccount, Computes, Public, ClusterNodes {}

    /** Signed-in users holding at least one of these roles. */
    record Roles(Set<Role> roles) implements Allowed {
        Roles {
            roles = Set.copyOf(roles);
        }
    }

    /** Any signed-in user, acting on their own account only (the handler acts on the caller). */
    record OwnAccount() implements Allowed {}

    /** Signed-in users with these roles; the call computes an answer and stores nothing. */
    record Computes(Set<Role> roles) implements Allowed {
        Computes {
            roles = Set.copyOf(roles);
        }
    }

    /** Anyone on the internet: the customers' web chat, which carries its own conversation token. */
    record Public() implements Allowed {}

    /** Only the other server nodes, with the cluster secret. */
    record ClusterNodes() implements Allowed {}

    record Rule(HttpMethod method, String pattern, Allowed allowed) {

        PathPattern parsed() {
            return PathPatternParser.defaultInstance.parse(pattern);
        }
    }

    private static final Set<Role> ADMINISTRATORS = EnumSet.of(ADMINISTRATOR);
    private static final Set<Role> ROUTING_ADMINISTRATORS = EnumSet.of(CENTER_MANAGER, ADMINISTRATOR);
    private static final Set<Role> FLOOR = EnumSet.of(SUPERVISOR, CENTER_MANAGER);
    private static final Set<Role> FLOOR_AND_ADMINISTRATORS = EnumSet.of(SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR);
    private static final Set<Role> PLANNERS = EnumSet.of(WFM_PLANNER, CENTER_MANAGER, SUPERVISOR, ADMINISTRATOR);
    private static final Set<Role> UNMASKERS = EnumSet.of(SUPERVISOR, CENTER_MANAGER, PROTECTION_TEAM);
    private static final Set<Role> NOTICE_EDITORS = EnumSet.of(CENTER_MANAGER, PROTECTION_TEAM);
    private static final Set<Role> PROTECTION = EnumSet.of(PROTECTION_TEAM);
    private static final Set<Role> AGENTS = EnumSet.of(AGENT);
    private static final Set<Role> QUICK_REPLY_WRITERS = EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR);
    private static final Set<Role> KNOWLEDGE_OWNERS =
            EnumSet.of(SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR, PROTECTION_TEAM);
    private static final Set<Role> SCRIPT_WRITERS = EnumSet.of(SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR);

    static final List<Rule> RULES = List.of(
            // identity: accounts (administrators) and one's own account (everyone)
            post("/admin/users", ADMINISTRATORS),
            post("/admin/users/{id}", ADMINISTRATORS),
            post("/admin/users/{id}/deactivate", ADMINISTRATORS),
            post("/admin/users/{id}/activate", ADMINISTRATORS),
            post("/admin/users/{id}/unlock", ADMINISTRATORS),
            post("/admin/users/{id}/password", ADMINISTRATORS),
            post("/api/users", ADMINISTRATORS),
            post("/api/users/{id}/deactivate", ADMINISTRATORS),
            post("/api/users/{id}/activate", ADMINISTRATORS),
            new Rule(HttpMethod.POST, "/account/password", new OwnAccount()),
            new Rule(HttpMethod.POST, "/account/language", new OwnAccount()),
            new Rule(HttpMethod.POST, "/account/tokens", new OwnAccount()),
            new Rule(HttpMethod.POST, "/account/tokens/{id}/revoke", new OwnAccount()),
            new Rule(HttpMethod.POST, "/api/tokens", new OwnAccount()),
            new Rule(HttpMethod.DELETE, "/api/tokens/{id}", new OwnAccount()),

            // the agent's desk
            post("/desk/api/login", AGENTS),
            post("/desk/api/ready", AGENTS),
            post("/desk/api/not-ready", AGENTS),
            post("/desk/api/logout", AGENTS),
            post("/desk/api/wrap-up-done", AGENTS),
            post("/desk/api/offers/{conversation}/accept", AGENTS),
            post("/desk/api/offers/{conversation}/decline", AGENTS),
            post("/desk/api/conversations/{conversation}/messages", AGENTS),
            post("/desk/api/conversations/{conversation}/typing", AGENTS),
            post("/desk/api/conversations/{conversation}/end", AGENTS),
            post("/desk/api/conversations/{conversation}/warnings", AGENTS),
            post("/desk/api/conversations/{conversation}/end-for-abuse", AGENTS),
            post("/desk/api/conversations/{conversation}/transfer", AGENTS),
            post("/desk/api/conversations/{conversation}/record", AGENTS),
            post("/desk/api/callbacks/{id}/accept", AGENTS),
            post("/desk/api/callbacks/{id}/unmask", AGENTS),
            post("/desk/api/callbacks/{id}/finish", AGENTS),
            post("/desk/api/conversations/{conversation}/customer", AGENTS),
            post("/desk/api/conversations/{conversation}/customer/unmask", AGENTS),
            post("/api/conversations/{conversation}/customer", AGENTS),
            post("/api/conversations/{conversation}/customer/unmask", AGENTS),
            // verifying who the customer is (a typed phone number is only a claim): the chat's agent
            post("/desk/api/conversations/{conversation}/customer/verification", AGENTS),
            post("/desk/api/conversations/{conversation}/customer/verification/code", AGENTS),
            post("/api/conversations/{conversation}/customer/verification", AGENTS),
            post("/api/conversations/{conversation}/customer/verification/code", AGENTS),
            post("/callbacks/{id}/unmask", EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER)),
            post("/callbacks/{id}/done", EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER)),

            // the customers' web chat: no account, a conversation token on each call
            new Rule(HttpMethod.POST, "/chat/api/conversations", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/left-messages", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/conversations/{id}/messages", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/conversations/{id}/end", new Public()),
            // issue 18: the widget's bot, before a chat is queued: a session token on each call after the first
            new Rule(HttpMethod.POST, "/chat/api/bot/sessions", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/bot/sessions/{id}/questions", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/bot/sessions/{id}/turns/{turn}/choice", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/bot/sessions/{id}/turns/{turn}/feedback", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/bot/sessions/{id}/handoff", new Public()),
            new Rule(HttpMethod.POST, "/chat/api/bot/sessions/{id}/end", new Public()),
            // whether a center's widget asks the bot first: its manager
            post("/knowledge/bot/settings", ROUTING_ADMINISTRATORS),

            // stepping into a live chat from the monitor (issue 17): the floor only; executives and HQ sit in read-only
            post("/monitor/{conversation}/whisper", FLOOR),
            post("/monitor/{conversation}/barge-in", FLOOR),
            post("/monitor/{conversation}/take-over", FLOOR),
            post("/monitor/{conversation}/messages", FLOOR),
            post("/monitor/{conversation}/end", FLOOR),
            // issue 17: settings. The supervisor who took a chat over writes its record, as its agent would.
            post("/monitor/{conversation}/record", FLOOR),
            post("/monitor/settings", EnumSet.of(CENTER_MANAGER)),

            // the live board
            post("/board/api/agents/{agent}/extend-recovery", FLOOR),
            post("/board/api/agents/{agent}/not-ready", FLOOR),
            post("/board/api/agents/{agent}/log-out", FLOOR),
            post("/board/api/contacts/{contact}/move", FLOOR),
            // a supervisor has seen to a protection alert (the center's own, checked in code)
            post("/board/api/alerts/acknowledgements", FLOOR),
            // the colours of a center's board and wallboard: its manager sets them
            post("/board/settings", ROUTING_ADMINISTRATORS),
            put("/board/api/thresholds", ROUTING_ADMINISTRATORS),

            // routing: settings, and commands to a center's ACD
            post("/skills/catalog", ROUTING_ADMINISTRATORS),
            post("/skills/catalog/{code}", ROUTING_ADMINISTRATORS),
            post("/agent-skills", ROUTING_ADMINISTRATORS),
            post("/routing-settings/capacity", ROUTING_ADMINISTRATORS),
            post("/routing-settings/wrap-up", ROUTING_ADMINISTRATORS),
            post("/routing-settings/reasons", ROUTING_ADMINISTRATORS),
            post("/routing-settings/reasons/{id}", ROUTING_ADMINISTRATORS),
            post("/queues", ROUTING_ADMINISTRATORS),
            post("/queues/{id}", ROUTING_ADMINISTRATORS),
            post("/api/routing/centers/{center}/queues", ROUTING_ADMINISTRATORS),
            put("/api/routing/queues/{id}", ROUTING_ADMINISTRATORS),
            post("/api/routing/skills", ROUTING_ADMINISTRATORS),
            put("/api/routing/skills/{code}", ROUTING_ADMINISTRATORS),
            put("/api/routing/agents/{agentId}", ROUTING_ADMINISTRATORS),
            put("/api/routing/centers/{center}/chat-capacity", ROUTING_ADMINISTRATORS),
            put("/api/routing/centers/{center}/wrap-up", ROUTING_ADMINISTRATORS),
            // which verification methods a center's agents offer
            post("/customer-verification", ROUTING_ADMINISTRATORS),
            put("/api/centers/{center}/customer-verification", ROUTING_ADMINISTRATORS),
            // a center's chat settings (when a customer who left counts as gone)
            post("/chat-settings", ROUTING_ADMINISTRATORS),
            put("/api/centers/{center}/chat-settings", ROUTING_ADMINISTRATORS),
            post("/api/routing/centers/{center}/not-ready-reasons", ROUTING_ADMINISTRATORS),
            put("/api/routing/centers/{center}/not-ready-reasons/{id}", ROUTING_ADMINISTRATORS),
            post("/api/routing/centers/{center}/contacts", FLOOR_AND_ADMINISTRATORS),
            post("/api/routing/centers/{center}/contacts/{contact}/end", FLOOR_AND_ADMINISTRATORS),
            post("/api/routing/centers/{center}/contacts/{contact}/move", FLOOR_AND_ADMINISTRATORS),
            // An agent acts for themselves; supervisors and the others for their center's agents (checked in code).
            post(
                    "/api/routing/centers/{center}/agents/{agent}/login",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            post(
                    "/api/routing/centers/{center}/agents/{agent}/ready",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            post(
                    "/api/routing/centers/{center}/agents/{agent}/not-ready",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            post(
                    "/api/routing/centers/{center}/agents/{agent}/logout",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            post(
                    "/api/routing/centers/{center}/agents/{agent}/wrap-up-done",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            post(
                    "/api/routing/centers/{center}/agents/{agent}/offers/{contact}/accept",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            post(
                    "/api/routing/centers/{center}/agents/{agent}/offers/{contact}/decline",
                    EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR)),
            new Rule(HttpMethod.POST, "/internal/routing/centers/{center}/commands/{type}", new ClusterNodes()),

            // workforce: the executive reads plans and may use the calculator, never changes data
            new Rule(
                    HttpMethod.POST,
                    "/workforce/staffing",
                    new Computes(EnumSet.of(WFM_PLANNER, CENTER_MANAGER, SUPERVISOR, EXECUTIVE, ADMINISTRATOR))),
            new Rule(
                    HttpMethod.POST,
                    "/api/workforce/staffing",
                    new Computes(EnumSet.of(WFM_PLANNER, CENTER_MANAGER, SUPERVISOR, EXECUTIVE, ADMINISTRATOR))),
            post("/workforce/forecast/import", PLANNERS),
            post("/workforce/holidays", PLANNERS),
            post("/workforce/holidays/{id}/delete", PLANNERS),
            post("/workforce/plan/simulations", PLANNERS),

            // customers
            post("/customers/{id}/unmask", UNMASKERS),
            post("/api/customers/{id}/unmask", UNMASKERS),
            new Rule(HttpMethod.POST, "/api/contacts/mask", new Computes(EnumSet.allOf(Role.class))),

            // knowledge search: long questions and agent assist in a body; nothing is stored
            new Rule(
                    HttpMethod.POST,
                    "/api/knowledge/search",
                    new Computes(EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR))),
            new Rule(
                    HttpMethod.POST,
                    "/api/knowledge/suggestions",
                    new Computes(EnumSet.of(AGENT, SUPERVISOR, CENTER_MANAGER, ADMINISTRATOR))),

            // protection
            new Rule(HttpMethod.POST, "/api/protection/classify", new Computes(EnumSet.allOf(Role.class))),
            post("/protection/notices", NOTICE_EDITORS),
            put("/api/protection/centers/{center}/notices/{kind}/{language}", NOTICE_EDITORS),
            new Rule(
                    HttpMethod.DELETE,
                    "/api/protection/centers/{center}/notices/{kind}/{language}",
                    new Roles(NOTICE_EDITORS)),
            post("/protection/lexicon", PROTECTION),
            post("/protection/lexicon/{id}/deactivate", PROTECTION),
            post("/protection/lexicon/{id}/activate", PROTECTION),
            post("/api/protection/lexicon", PROTECTION),
            post("/api/protection/lexicon/{id}/deactivate", PROTECTION),
            post("/api/protection/lexicon/{id}/activate", PROTECTION),
            post("/incidents/{conversation}/evidence", EnumSet.of(PROTECTION_TEAM, CENTER_MANAGER)),
            post("/incidents/{conversation}/register", PROTECTION),
            post("/registry/{id}/lift", PROTECTION),
            post("/api/protection/registry", PROTECTION),
            post("/api/protection/registry/{id}/lift", PROTECTION),
            post("/care", AGENTS),
            post("/counselling/{id}/schedule", PROTECTION),
            post("/counselling/{id}/held", PROTECTION),

            // issue 17: quick replies (상용구). Which set each role writes (agents their own, supervisors
            // their team's, center managers and administrators the center's) is decided in
            // channel/QuickReplySets, for all three ways in alike.
            post("/desk/api/quick-replies", AGENTS),
            put("/desk/api/quick-replies/{id}", AGENTS),
            delete("/desk/api/quick-replies/{id}", AGENTS),
            post("/api/quick-replies", QUICK_REPLY_WRITERS),
            put("/api/quick-replies/{id}", QUICK_REPLY_WRITERS),
            delete("/api/quick-replies/{id}", QUICK_REPLY_WRITERS),
            post("/quick-replies", QUICK_REPLY_WRITERS),
            post("/quick-replies/{id}", QUICK_REPLY_WRITERS),
            post("/quick-replies/{id}/delete", QUICK_REPLY_WRITERS),

            // issue 18: kb-dict, the search dictionary. One for the whole deployment and every center's
            // search and bot, and each change rebuilds the index: administrators only. A center manager's
            // role is the same in every center, so this table cannot grant it to headquarters' alone;
            // the protection team's work is abuse, not search (docs/adr/0025).
            post("/knowledge/dictionary/words", ADMINISTRATORS),
            post("/knowledge/dictionary/words/{id}/delete", ADMINISTRATORS),
            post("/knowledge/dictionary/synonyms", ADMINISTRATORS),
            post("/knowledge/dictionary/synonyms/{id}", ADMINISTRATORS),
            post("/knowledge/dictionary/synonyms/{id}/delete", ADMINISTRATORS),
            new Rule(HttpMethod.POST, "/knowledge/dictionary/preview", new Computes(ADMINISTRATORS)),
            post("/api/knowledge/dictionary/words", ADMINISTRATORS),
            delete("/api/knowledge/dictionary/words/{id}", ADMINISTRATORS),
            post("/api/knowledge/dictionary/synonyms", ADMINISTRATORS),
            put("/api/knowledge/dictionary/synonyms/{id}", ADMINISTRATORS),
            delete("/api/knowledge/dictionary/synonyms/{id}", ADMINISTRATORS),
            new Rule(HttpMethod.POST, "/api/knowledge/dictionary/analysis", new Computes(ADMINISTRATORS)),
            // issue 18: kb-core. Knowledge owners write and review articles of the centers they see; headquarters'
            // shared articles only from headquarters (knowledge/KnowledgeCenters); agents and executives read.
            post("/api/knowledge/articles", KNOWLEDGE_OWNERS),
            put("/api/knowledge/articles/{id}", KNOWLEDGE_OWNERS),
            post("/api/knowledge/articles/{id}/submit", KNOWLEDGE_OWNERS),
            post("/api/knowledge/articles/{id}/publish", KNOWLEDGE_OWNERS),
            post("/api/knowledge/articles/{id}/send-back", KNOWLEDGE_OWNERS),
            post("/api/knowledge/articles/{id}/archive", KNOWLEDGE_OWNERS),
            post("/api/knowledge/articles/{id}/restore", KNOWLEDGE_OWNERS),
            post("/api/knowledge/categories", KNOWLEDGE_OWNERS),
            put("/api/knowledge/categories/{id}", KNOWLEDGE_OWNERS),
            delete("/api/knowledge/categories/{id}", KNOWLEDGE_OWNERS),
            post("/api/knowledge/import", KNOWLEDGE_OWNERS),
            post("/knowledge/articles", KNOWLEDGE_OWNERS),
            post("/knowledge/articles/{id}", KNOWLEDGE_OWNERS),
            post("/knowledge/articles/{id}/submit", KNOWLEDGE_OWNERS),
            post("/knowledge/articles/{id}/publish", KNOWLEDGE_OWNERS),
            post("/knowledge/articles/{id}/send-back", KNOWLEDGE_OWNERS),
            post("/knowledge/articles/{id}/archive", KNOWLEDGE_OWNERS),
            post("/knowledge/articles/{id}/restore", KNOWLEDGE_OWNERS),
            new Rule(HttpMethod.POST, "/knowledge/preview", new Computes(KNOWLEDGE_OWNERS)),
            // issue 18: scripts (상담 스크립트). Knowledge owners write their own center's scripts
            // (headquarters' only at headquarters; knowledge/Scripts decides which); the agent of a
            // chat, and no one else (channel/ScriptRunApi), follows one beside it.
            post("/api/knowledge/scripts", SCRIPT_WRITERS),
            put("/api/knowledge/scripts/{id}", SCRIPT_WRITERS),
            post("/api/knowledge/scripts/{id}/publish", SCRIPT_WRITERS),
            post("/api/knowledge/scripts/{id}/archive", SCRIPT_WRITERS),
            post("/knowledge/scripts", SCRIPT_WRITERS),
            post("/knowledge/scripts/{id}", SCRIPT_WRITERS),
            post("/knowledge/scripts/{id}/publish", SCRIPT_WRITERS),
            post("/knowledge/scripts/{id}/archive", SCRIPT_WRITERS),
            post("/desk/api/conversations/{conversation}/script-run", AGENTS),
            post("/desk/api/conversations/{conversation}/script-run/choices", AGENTS),
            post("/desk/api/conversations/{conversation}/script-run/back", AGENTS),
            post("/desk/api/conversations/{conversation}/script-run/variables", AGENTS),
            post("/desk/api/conversations/{conversation}/script-run/abandon", AGENTS),
            // issue 18: agent assist. What the agent opened or inserted from the knowledge panel of a
            // chat they hold (channel/KnowledgeAssist checks the chat is theirs).
            post("/desk/api/conversations/{conversation}/knowledge/uses", AGENTS));

    private static final Comparator<PathPattern> MOST_SPECIFIC_FIRST = PathPattern.SPECIFICITY_COMPARATOR;

    private record Parsed(Rule rule, PathPattern pattern) {}

    private static final List<Parsed> PARSED =
            RULES.stream().map(rule -> new Parsed(rule, rule.parsed())).toList();

    private WritePermissions() {}

    static boolean changesState(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    /** The rule for a request, the most specific when several patterns match. */
    static Optional<Rule> ruleFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PARSED.stream()
                .filter(parsed -> parsed.rule().method().matches(method)
                        && parsed.pattern().matches(container))
                .min((left, right) -> MOST_SPECIFIC_FIRST.compare(left.pattern(), right.pattern()))
                .map(Parsed::rule);
    }

    private static Rule post(String pattern, Set<Role> roles) {
        return new Rule(HttpMethod.POST, pattern, new Roles(roles));
    }

    private static Rule put(String pattern, Set<Role> roles) {
        return new Rule(HttpMethod.PUT, pattern, new Roles(roles));
    }

    private static Rule delete(String pattern, Set<Role> roles) {
        return new Rule(HttpMethod.DELETE, pattern, new Roles(roles));
    }
}
