package io.sangdam.channel;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.routing.CenterId;
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

    /** A demo shop page with the chat widget embedded by one script tag, as a customer's site would. */
    @GetMapping("/chat")
    String shop(@RequestParam(required = false) @Nullable Long center, Model model) {
        Center chosen = center != null
                ? centers.get(center)
                : centers.all().stream()
                        .filter(c -> !c.isHeadquarters())
                        .findFirst()
                        .orElseThrow();
        model.addAttribute("center", chosen);
        return "channel/shop";
    }

    @GetMapping("/desk")
    @PreAuthorize("hasRole('AGENT')")
    String desk(Model model, Locale locale) {
        // The not-ready menu lists the reasons the center keeps (routing settings).
        model.addAttribute(
                "reasons",
                routing.notReadyReasons(CenterId.of(currentUsers.require().centerId())));
        model.addAttribute("deskTexts", deskTexts.json(locale));
        // The state bar offers 상담 가능 and 후처리 완료 only when the server would take them.
        model.addAttribute(
                "wrapUpRule",
                routing.wrapUpRule(CenterId.of(currentUsers.require().centerId()))
                        .name());
        return "channel/desk";
    }
}
