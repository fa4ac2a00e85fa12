package io.sangdam.knowledge;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.knowledge.ScriptDraft.ChoiceDraft;
import io.sangdam.knowledge.ScriptDraft.StepDraft;
import io.sangdam.platform.RequestRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The script editor ({@code /knowledge/scripts}): the list of a center's and headquarters' scripts,
 * and one script's steps as a list with "→ step" links, edited in a plain form (no drawing canvas:
 * a step names the steps its choices lead to). Adding or removing a step posts the form and shows
 * it again, so the editor works without any script in the page.
 */
@Controller
@RequestMapping("/knowledge/scripts")
class ScriptPages {

    /** A choice row the form always offers empty, so another answer can be written without a round trip. */
    private static final int SPARE_CHOICES = 1;

    private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d{1,3})]\\.(key|kind|title|text)");
    private static final Pattern CHOICE_FIELD =
            Pattern.compile("steps\\[(\\d{1,3})]\\.choices\\[(\\d{1,2})]\\.(label|next)");

    private final Scripts scripts;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    ScriptPages(Scripts scripts, CenterDirectory centers, CurrentUsers currentUsers, MessageSource messages) {
        this.messages = messages;
        this.scripts = scripts;
        this.centers = centers;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long center, Model model) {
        CurrentUser user = currentUsers.require();
        Center chosen = center == null ? centers.get(user.centerId()) : centers.visibleTo(user, center);
        model.addAttribute("centers", centers.visibleTo(user));
        model.addAttribute("center", chosen);
        model.addAttribute("scripts", scripts.visible(user, chosen));
        model.addAttribute("writes", Scripts.writesAny(user));
        return "knowledge/scripts";
    }

    @GetMapping("/new")
    String blank(@RequestParam(required = false) @Nullable Long center, Model model, Locale locale) {
        CurrentUser user = currentUsers.require();
        Center chosen = center == null ? centers.get(user.centerId()) : centers.visibleTo(user, center);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new ScriptDraft(
                            "",
                            "",
                            "start",
                            List.of(
                                    new StepDraft(
                                            "start", ScriptStepKind.SAY, "", "", List.of(new ChoiceDraft("", "end"))),
                                    new StepDraft("end", ScriptStepKind.END, "", "", List.of()))));
        }
        return editor(model, chosen, null, true, locale);
    }

    @GetMapping("/{id}")
    String view(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer version,
            Model model,
            Locale locale) {
        CurrentUser user = currentUsers.require();
        Scripts.ScriptVersion shown = scripts.get(user, id, version);
        model.addAttribute("shown", shown);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", draftOf(shown.graph()));
        }
        boolean editable = shown.script().editable() && !shown.script().archived();
        return editor(model, centers.get(shown.script().centerId()), shown, editable, locale);
    }

    @PostMapping
    String create(
            @RequestParam(required = false) @Nullable Long center,
            @RequestParam(required = false, defaultValue = "save") String action,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        ScriptDraft draft = read(fields);
        if (!action.equals("save")) {
            model.addAttribute("form", changed(draft, action));
            return blank(center, model, locale);
        }
        try {
            var created = scripts.create(currentUsers.require(), center, draft);
            redirect.addFlashAttribute("noticeKey", "scripts.created");
            return "redirect:/knowledge/scripts/" + created.script().id();
        } catch (RequestRejected rejected) {
            refused(model, rejected, draft);
            return blank(center, model, locale);
        }
    }

    @PostMapping("/{id}")
    String edit(
            @PathVariable long id,
            @RequestParam(required = false, defaultValue = "save") String action,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        ScriptDraft draft = read(fields);
        if (!action.equals("save")) {
            model.addAttribute("form", changed(draft, action));
            return view(id, null, model, locale);
        }
        try {
            var saved = scripts.edit(currentUsers.require(), id, draft);
            redirect.addFlashAttribute("noticeKey", "scripts.saved");
            return "redirect:/knowledge/scripts/" + id;
        } catch (RequestRejected rejected) {
            if (rejected.status().value() == 404) {
                throw rejected;
            }
            refused(model, rejected, draft);
            return view(id, null, model, locale);
        }
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        var published = scripts.publish(currentUsers.require(), id);
        redirect.addFlashAttribute("noticeKey", "scripts.published");
        return "redirect:/knowledge/scripts/" + id;
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes redirect) {
        var archived = scripts.archive(currentUsers.require(), id);
        redirect.addFlashAttribute("noticeKey", "scripts.archived");
        redirect.addAttribute("center", archived.centerId());
        return "redirect:/knowledge/scripts";
    }

    private String editor(
            Model model, Center center, Scripts.@Nullable ScriptVersion shown, boolean editable, Locale locale) {
        model.addAttribute("center", center);
        model.addAttribute("editable", editable);
        model.addAttribute("kinds", ScriptStepKind.values());
        model.addAttribute("variables", ScriptVariables.written());
        model.addAttribute(
                "limits",
                Map.of(
                        "title", ScriptGraph.LONGEST_TITLE,
                        "description", ScriptGraph.LONGEST_DESCRIPTION,
                        "key", ScriptGraph.LONGEST_KEY,
                        "stepTitle", ScriptGraph.LONGEST_STEP_TITLE,
                        "text", ScriptGraph.LONGEST_STEP_TEXT,
                        "label", ScriptGraph.LONGEST_LABEL));
        if (!model.containsAttribute("shown")) {
            model.addAttribute("shown", shown);
        }
        model.addAttribute(
                "pageTitle",
                shown == null
                        ? messages.getMessage("scripts.new", null, locale)
                        : shown.graph().title());
        ScriptDraft form = (ScriptDraft) model.getAttribute("form");
        model.addAttribute("form", withSpareRows(form));
        return "knowledge/script";
    }

    private static void refused(Model model, RequestRejected rejected, ScriptDraft draft) {
        model.addAttribute("errorKey", "problem." + rejected.code());
        model.addAttribute("errorArguments", rejected.arguments());
        model.addAttribute("form", draft);
    }

    /** The form's fields as a draft: {@code steps[0].key}, {@code steps[0].choices[1].next} …, in index order. */
    static ScriptDraft read(Map<String, String> fields) {
        Map<Integer, Map<String, String>> steps = new TreeMap<>();
        Map<Integer, Map<Integer, Map<String, String>>> choices = new TreeMap<>();
        fields.forEach((name, value) -> {
            Matcher step = STEP_FIELD.matcher(name);
            if (step.matches()) {
                steps.computeIfAbsent(Integer.parseInt(step.group(1)), i -> new TreeMap<>())
                        .put(step.group(2), value);
                return;
            }
            Matcher choice = CHOICE_FIELD.matcher(name);
            if (choice.matches()) {
                int index = Integer.parseInt(choice.group(1));
                steps.computeIfAbsent(index, i -> new TreeMap<>());
                choices.computeIfAbsent(index, i -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(choice.group(2)), i -> new TreeMap<>())
                        .put(choice.group(3), value);
            }
        });
        List<StepDraft> drafted = new ArrayList<>();
        steps.forEach((index, step) -> {
            List<ChoiceDraft> rows = choices.getOrDefault(index, Map.of()).values().stream()
                    .map(row -> new ChoiceDraft(row.get("label"), row.get("next")))
                    .toList();
            drafted.add(
                    new StepDraft(step.get("key"), kind(step.get("kind")), step.get("title"), step.get("text"), rows));
        });
        return new ScriptDraft(fields.get("title"), fields.get("description"), fields.get("start"), drafted);
    }

    private static @Nullable ScriptStepKind kind(@Nullable String written) {
        for (ScriptStepKind kind : ScriptStepKind.values()) {
            if (kind.name().equals(written)) {
                return kind;
            }
        }
        return null;
    }

    /** Adds a blank step ({@code add-step}) or takes one away ({@code remove-step-2}); nothing else is changed. */
    private static ScriptDraft changed(ScriptDraft draft, String action) {
        List<StepDraft> steps = new ArrayList<>(draft.steps() == null ? List.of() : draft.steps());
        if (action.equals("add-step")) {
            steps.add(new StepDraft("", ScriptStepKind.SAY, "", "", List.of()));
        } else if (action.startsWith("remove-step-")) {
            try {
                int index = Integer.parseInt(action.substring("remove-step-".length()));
                if (index >= 0 && index < steps.size()) {
                    steps.remove(index);
                }
            } catch (NumberFormatException ignored) {
                // Not a button of this form: the draft is shown again unchanged.
            }
        }
        return new ScriptDraft(draft.title(), draft.description(), draft.start(), steps);
    }

    /** Every step but an end offers empty choice rows to fill in. */
    private static ScriptDraft withSpareRows(@Nullable ScriptDraft draft) {
        if (draft == null || draft.steps() == null) {
            return new ScriptDraft("", "", "", List.of());
        }
        List<StepDraft> steps = draft.steps().stream()
                .map(step -> {
                    List<ChoiceDraft> rows = new ArrayList<>(step.choices() == null ? List.of() : step.choices());
                    rows.removeIf(row -> blank(row.label()) && blank(row.next()));
                    if (step.kind() != ScriptStepKind.END) {
                        int spare = step.kind() == ScriptStepKind.ASK ? Math.max(SPARE_CHOICES, 2 - rows.size()) : 0;
                        if (rows.isEmpty() && spare == 0) {
                            spare = 1;
                        }
                        for (int i = 0; i < spare; i++) {
                            rows.add(new ChoiceDraft("", ""));
                        }
                    }
                    return new StepDraft(step.key(), step.kind(), step.title(), step.text(), rows);
                })
                .toList();
        return new ScriptDraft(draft.title(), draft.description(), draft.start(), steps);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static ScriptDraft draftOf(ScriptGraph graph) {
        return new ScriptDraft(
                graph.title(),
                graph.description(),
                graph.start(),
                graph.steps().stream()
                        .map(step -> new StepDraft(
                                step.key(),
                                step.kind(),
                                step.title(),
                                step.text(),
                                step.choices().stream()
                                        .map(choice -> new ChoiceDraft(choice.label(), choice.next()))
                                        .toList()))
                        .toList());
    }
}
