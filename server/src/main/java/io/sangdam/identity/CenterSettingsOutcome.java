package io.sangdam.identity;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a center-settings section's form answers: back to the page, at the section, saying it saved
 * or why not. Only strings go into the flash: the session is stored in the database (ADR 0010), so
 * whatever goes there must read back after a restart or on the other node.
 */
public final class CenterSettingsOutcome {

    static final String SECTION = "settingsSection";
    static final String NOTICE = "settingsNotice";
    static final String PROBLEM = "settingsProblem";

    private CenterSettingsOutcome() {}

    /** Where the section is: the page for that center, scrolled to the section. */
    public static String pageOf(String section, long center) {
        return "/centers/settings?center=" + center + "#" + section;
    }

    /** @param noticeKey the message key of what the page says (e.g. "저장했습니다") */
    public static String saved(RedirectAttributes redirect, String section, long center, String noticeKey) {
        redirect.addFlashAttribute(SECTION, section);
        redirect.addFlashAttribute(NOTICE, noticeKey);
        return "redirect:" + pageOf(section, center);
    }

    /** @param problem the refusal in words, in the user's language (the problem's detail) */
    public static String refused(RedirectAttributes redirect, String section, long center, String problem) {
        redirect.addFlashAttribute(SECTION, section);
        redirect.addFlashAttribute(PROBLEM, problem);
        return "redirect:" + pageOf(section, center);
    }
}
