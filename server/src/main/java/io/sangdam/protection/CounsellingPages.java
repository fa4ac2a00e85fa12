package io.sangdam.protection;

import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CounsellingPages {

    private final Counselling counselling;
    private final CurrentUsers currentUsers;
    private final CenterDirectory centers;

    CounsellingPages(Counselling counselling, CurrentUsers currentUsers, CenterDirectory centers) {
        this.counselling = counselling;
        this.currentUsers = currentUsers;
        this.centers = centers;
    }

    /** The agent's own page: ask for counselling, see their requests. */
    @GetMapping("/care")
    @PreAuthorize("hasRole('AGENT')")
    String care(Model model) {
        CurrentUser me = currentUsers.require();
        model.addAttribute("requests", counselling.ofAgent(me.username()));
        model.addAttribute(
                "zone", centers.find(me.centerId()).map(c -> c.timeZone()).orElse(ZoneId.of("Asia/Seoul")));
        return "protection/care";
    }

    @PostMapping("/care")
    @PreAuthorize("hasRole('AGENT')")
    String ask(
            @RequestParam(defaultValue = "false") boolean shareWithSupervisor,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        CurrentUser me = currentUsers.require();
        counselling.request(me.username(), me.centerId(), shareWithSupervisor, note);
        redirect.addFlashAttribute("noticeKey", "care.requested");
        return "redirect:/care";
    }

    /** The protection team's list: schedule sessions and record that they took place. */
    @GetMapping("/counselling")
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    String requests(Model model) {
        model.addAttribute("requests", counselling.all());
        model.addAttribute("zone", ZoneId.of("Asia/Seoul"));
        return "protection/counselling";
    }

    @PostMapping("/counselling/{id}/schedule")
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    String schedule(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime sessionAt,
            RedirectAttributes redirect) {
        CurrentUser me = currentUsers.require();
        ZoneId zone = centers.find(me.centerId()).map(c -> c.timeZone()).orElse(ZoneId.of("Asia/Seoul"));
        counselling.schedule(id, sessionAt.atZone(zone).toInstant(), me.username());
        redirect.addFlashAttribute("noticeKey", "counselling.scheduled");
        return "redirect:/counselling";
    }

    @PostMapping("/counselling/{id}/held")
    @PreAuthorize("hasRole('PROTECTION_TEAM')")
    String held(@PathVariable long id, RedirectAttributes redirect) {
        counselling.held(id, currentUsers.require().username());
        redirect.addFlashAttribute("noticeKey", "counselling.recorded");
        return "redirect:/counselling";
    }
}
