package io.sangdam.channel;

import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For whoever keeps the knowledge base current (issue 18): of the articles the desk suggested beside
 * chats, which agents used, which they use most, and which come up without ever being used (an
 * article that answers the wrong question, or a search that finds the wrong article). The signed-in
 * user's own center, over the last 30 days.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'CENTER_MANAGER', 'ADMINISTRATOR')")
class KnowledgeUsePages {

    static final int DAYS = 30;
    private static final int ROWS = 20;

    private final KnowledgeUses uses;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    KnowledgeUsePages(KnowledgeUses uses, CurrentUsers currentUsers, Clock clock) {
        this.uses = uses;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping("/knowledge-use")
    String report(Model model) {
        CurrentUser user = currentUsers.require();
        Instant since = clock.instant().minus(Duration.ofDays(DAYS));
        model.addAttribute("days", DAYS);
        KnowledgeUses.Totals totals = uses.totals(user.centerId(), since);
        model.addAttribute("totals", totals);
        // Computed here: the template's expressions reach record components, not methods of a package-private type.
        model.addAttribute("usedPercent", totals.usedPercent());
        model.addAttribute("mostUsed", uses.mostUsed(user.centerId(), since, ROWS));
        model.addAttribute("neverUsed", uses.shownNeverUsed(user.centerId(), since, ROWS));
        return "channel/knowledge-use";
    }
}
