package io.sangdam.identity;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where every user lands after sign-in: the sections every module offers to their roles. */
@Controller
class HomePage {

    private final List<HomeSection> sections;
    private final CurrentUsers currentUsers;

    HomePage(List<HomeSection> sections, CurrentUsers currentUsers) {
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .toList();
        this.currentUsers = currentUsers;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = currentUsers.require();
        model.addAttribute(
                "sections",
                sections.stream()
                        .filter(s -> s.shownTo(user))
                        .map(s -> s.view(user))
                        .toList());
        return "identity/home";
    }
}
