package io.sangdam.knowledge;

import io.sangdam.identity.CurrentUsers;
import io.sangdam.platform.RequestRejected;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page for the search dictionary: user words, synonym groups, the history, and
 * a preview of how Nori splits a sentence with the dictionary (and with a word before it is saved).
 */
@Controller
@RequestMapping("/knowledge/dictionary")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class SearchDictionaryPages {

    static final int HISTORY_SHOWN = 50;
    private static final String PAGE = "redirect:/knowledge/dictionary";

    private final SearchDictionaries dictionaries;
    private final CurrentUsers currentUsers;

    SearchDictionaryPages(SearchDictionaries dictionaries, CurrentUsers currentUsers) {
        this.dictionaries = dictionaries;
        this.currentUsers = currentUsers;
    }

    /** What the forms held, given back with an error so nothing typed is lost. */
    record Form(String word, String segmentation, String terms) {

        static final Form EMPTY = new Form("", "", "");
    }

    record PreviewForm(String text, String word, String segmentation) {

        static final PreviewForm EMPTY = new PreviewForm("", "", "");
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("words", dictionaries.userWords());
        model.addAttribute("groups", dictionaries.synonymGroups());
        model.addAttribute("history", dictionaries.history(HISTORY_SHOWN));
        model.addAttribute("revision", dictionaries.revision());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.EMPTY);
        }
        if (!model.containsAttribute("previewForm")) {
            model.addAttribute("previewForm", PreviewForm.EMPTY);
        }
        return "knowledge/dictionary";
    }

    @PostMapping("/words")
    String addWord(
            @RequestParam(required = false) @Nullable String word,
            @RequestParam(required = false) @Nullable String segmentation,
            Model model,
            RedirectAttributes redirect) {
        try {
            dictionaries.addUserWord(word, segmentation, currentUsers.require().username());
        } catch (RequestRejected rejected) {
            return refused(rejected, new Form(orEmpty(word), orEmpty(segmentation), ""), model);
        }
        redirect.addFlashAttribute("noticeKey", "dictionary.word-added");
        return PAGE;
    }

    @PostMapping("/words/{id}/delete")
    String removeWord(@PathVariable long id, RedirectAttributes redirect) {
        dictionaries.removeUserWord(id, currentUsers.require().username());
        redirect.addFlashAttribute("noticeKey", "dictionary.word-removed");
        return PAGE;
    }

    @PostMapping("/synonyms")
    String addSynonyms(
            @RequestParam(required = false) @Nullable String terms, Model model, RedirectAttributes redirect) {
        try {
            dictionaries.addSynonymGroup(split(terms), currentUsers.require().username());
        } catch (RequestRejected rejected) {
            return refused(rejected, new Form("", "", orEmpty(terms)), model);
        }
        redirect.addFlashAttribute("noticeKey", "dictionary.synonyms-added");
        return PAGE;
    }

    @PostMapping("/synonyms/{id}")
    String changeSynonyms(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String terms,
            Model model,
            RedirectAttributes redirect) {
        try {
            dictionaries.changeSynonymGroup(
                    id, split(terms), currentUsers.require().username());
        } catch (RequestRejected rejected) {
            return refused(rejected, Form.EMPTY, model);
        }
        redirect.addFlashAttribute("noticeKey", "dictionary.synonyms-changed");
        return PAGE;
    }

    @PostMapping("/synonyms/{id}/delete")
    String removeSynonyms(@PathVariable long id, RedirectAttributes redirect) {
        dictionaries.removeSynonymGroup(id, currentUsers.require().username());
        redirect.addFlashAttribute("noticeKey", "dictionary.synonyms-removed");
        return PAGE;
    }

    /** Computes only: htmx swaps the result into the page, without it the whole page comes back. */
    @PostMapping("/preview")
    String preview(
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String word,
            @RequestParam(required = false) @Nullable String segmentation,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("previewForm", new PreviewForm(orEmpty(text), orEmpty(word), orEmpty(segmentation)));
        try {
            model.addAttribute("preview", dictionaries.preview(text, word, segmentation));
        } catch (RequestRejected rejected) {
            model.addAttribute("previewErrorKey", "problem." + rejected.code());
            model.addAttribute("previewErrorArguments", rejected.arguments());
        }
        return htmx != null ? "knowledge/dictionary :: preview" : page(model);
    }

    private String refused(RequestRejected rejected, Form form, Model model) {
        model.addAttribute("errorKey", "problem." + rejected.code());
        model.addAttribute("errorArguments", rejected.arguments());
        model.addAttribute("form", form);
        return page(model);
    }

    /** A group typed in one field: terms separated by commas, or by {@code =} as in 해지 = 해약. */
    static @Nullable List<@Nullable String> split(@Nullable String terms) {
        if (terms == null) {
            return null;
        }
        return Arrays.stream(terms.split("[,=]"))
                .filter(term -> !term.isBlank())
                .map(term -> (@Nullable String) term)
                .toList();
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
