package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.routing.CenterId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ChannelPages {

    private final CenterDirectory centers;
    private final io.sangdam.routing.Routing routing;
    private final io.sangdam.identity.CurrentUsers currentUsers;
    private final DeskTexts deskTexts;

    ChannelPages(
            CenterDirectory centers,
            io.sangdam.routing.Routing routing,
            io.sangdam.identity.CurrentUsers currentUsers,
            DeskTexts deskTexts) {
        this.centers = centers;
        this.routing = routing;
        this.currentUsers = currentUsers;
        this.deskTexts = deskTexts;
    }

    /**
     * A demo shop page with the chat widget embedded by one script tag, as a customer's site would.
     * It names the center its chats reach, and the visitor may choose another of the centers that
     * take chats (routed by this server or another node); a site of one center would fix it instead.
     */
    @GetMapping("/chat")
    String shop(@RequestParam(required = false) @Nullable Long center, Model model) {
        List<Center> chatting = centers.all().stream()
                .filter(c -> !c.isHeadquarters() && routing.routes(CenterId.of(c.id())))
                .toList();
        // Without a choice, the oldest partner center (the demo's 강남, where the README's gn.agent works), not
        // the first by code, which was 부산 (BS) and left the README's walk-through with nobody to answer.
        java.util.Comparator<Center> oldest = java.util.Comparator.comparingLong(Center::id);
        Center chosen = center != null
                ? centers.get(center)
                : chatting.stream()
                        .min(oldest)
                        .orElseGet(() -> centers.all().stream()
                                .filter(c -> !c.isHeadquarters())
                                .min(oldest)
                                .orElseThrow());
        model.addAttribute("center", chosen);
        model.addAttribute("chatCenters", chatting);
        return "channel/shop";
    }

    @GetMapping("/desk")
    @PreAuthorize("hasRole('AGENT')")
    String desk(Model model, Locale locale) {
        // The not-ready menu lists the reasons the center keeps (routing settings).
        long center = currentUsers.require().centerId();
        model.addAttribute("reasons", routing.notReadyReasons(CenterId.of(center)));
        model.addAttribute("deskTexts", deskTexts.json(locale));
        // Message times read as the center's clock, whatever zone the agent's computer is set to.
        model.addAttribute("timeZone", centers.get(center).timeZone().getId());
        // The state bar offers 상담 가능 and 후처리 완료 only when the server would take them.
        model.addAttribute(
                "wrapUpRule",
                routing.wrapUpRule(CenterId.of(currentUsers.require().centerId()))
                        .name());
        return "channel/desk";
    }
}
