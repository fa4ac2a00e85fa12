package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sangdam.knowledge.ScriptDraft.ChoiceDraft;
import io.sangdam.knowledge.ScriptDraft.StepDraft;
import io.sangdam.platform.RequestRejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks that keep every stored script one an agent can follow to an end. */
class ScriptGraphTests {

    private static StepDraft say(String key, String text, String next) {
        return new StepDraft(key, ScriptStepKind.SAY, null, text, List.of(new ChoiceDraft("", next)));
    }

    private static StepDraft ask(String key, String text, String... labelsAndTargets) {
        List<ChoiceDraft> choices = new ArrayList<>();
        for (int i = 0; i < labelsAndTargets.length; i += 2) {
            choices.add(new ChoiceDraft(labelsAndTargets[i], labelsAndTargets[i + 1]));
        }
        return new StepDraft(key, ScriptStepKind.ASK, null, text, choices);
    }

    private static StepDraft end(String key) {
        return new StepDraft(key, ScriptStepKind.END, "끝", "상담 이력을 쓰세요.", List.of());
    }

    private static ScriptDraft script(StepDraft... steps) {
        return new ScriptDraft("요금제 변경", "", null, Arrays.asList(steps));
    }

    private static void refused(ScriptDraft draft, String code, Object... arguments) {
        assertThatThrownBy(() -> ScriptGraph.checked(draft)).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(code);
            assertThat(rejected.status().value()).isEqualTo(400);
            if (arguments.length > 0) {
                assertThat(rejected.arguments()).startsWith(arguments);
            }
        });
    }

    @Test
    void aBranchingScriptWithALoopThatCanBeLeftIsAccepted() {
        ScriptGraph graph = ScriptGraph.checked(script(
                say("greet", "안녕하세요 {{고객명}}님, {{ 상담사 }}입니다.", "usage"),
                ask("usage", "{{상품}} 사용량은요?", "많음", "up", "모름", "check"),
                say("check", "확인해 드릴게요.", "usage"),
                say("up", "상위 요금제를 안내합니다.", "end"),
                end("end")));
        assertThat(graph.start()).as("the first step when none is named").isEqualTo("greet");
        assertThat(graph.steps())
                .extracting(ScriptGraph.Step::key)
                .containsExactly("greet", "usage", "check", "up", "end");
        assertThat(graph.step("up").orElseThrow().title())
                .as("the key names an untitled step")
                .isEqualTo("up");
        assertThat(graph.step("usage").orElseThrow().choices())
                .extracting(ScriptGraph.StepChoice::next)
                .containsExactly("up", "check");
    }

    @Test
    void blankChoiceRowsOfTheEditorAreNoChoices() {
        ScriptGraph graph = ScriptGraph.checked(script(
                new StepDraft(
                        "greet",
                        ScriptStepKind.SAY,
                        "",
                        "안녕하세요",
                        List.of(new ChoiceDraft("", "end"), new ChoiceDraft(" ", ""))),
                end("end")));
        assertThat(graph.step("greet").orElseThrow().choices()).hasSize(1);
    }

    @Test
    void aLoopWithNoWayOutIsRefusedAtItsFirstStep() {
        refused(
                script(
                        ask("usage", "사용량은요?", "많음", "end", "모름", "check"),
                        say("check", "확인해 드릴게요.", "again"),
                        say("again", "다시 확인합니다.", "check"),
                        end("end")),
                "script-step-never-ends",
                "check");
    }

    @Test
    void everyStepIsReachableFromTheStart() {
        refused(
                script(say("greet", "안녕하세요", "end"), say("orphan", "아무도 오지 않음", "end"), end("end")),
                "script-step-unreachable",
                "orphan");
    }

    @Test
    void everyChoiceLeadsToAStepOfTheScript() {
        refused(
                script(ask("usage", "사용량은요?", "많음", "nowhere", "적음", "end"), end("end")),
                "script-choice-unknown-step",
                "usage",
                "nowhere");
    }

    @Test
    void aScriptNeedsAnEndAndAKnownStart() {
        refused(script(say("a", "하나", "b"), say("b", "둘", "a")), "script-end-required");
        refused(
                new ScriptDraft("제목", "", "missing", List.of(say("a", "하나", "end"), end("end"))),
                "script-start-unknown",
                "missing");
    }

    @Test
    void theNamedStartDecidesWhatIsReachable() {
        ScriptGraph graph = ScriptGraph.checked(
                new ScriptDraft("제목", "", "b", List.of(say("a", "하나", "end"), say("b", "둘", "a"), end("end"))));
        assertThat(graph.start()).isEqualTo("b");
        refused(
                new ScriptDraft("제목", "", "a", List.of(say("a", "하나", "end"), say("b", "둘", "a"), end("end"))),
                "script-step-unreachable",
                "b");
    }

    @Test
    void eachKindHasItsNumberOfWaysOn() {
        refused(
                script(
                        new StepDraft(
                                "greet",
                                ScriptStepKind.SAY,
                                "",
                                "안녕하세요",
                                List.of(new ChoiceDraft("", "end"), new ChoiceDraft("또", "end"))),
                        end("end")),
                "script-step-needs-one-next",
                "greet");
        refused(
                script(
                        say("greet", "안녕하세요", "end"),
                        new StepDraft("end", ScriptStepKind.END, "", "끝", List.of(new ChoiceDraft("", "greet")))),
                "script-end-step-leads-on",
                "end");
        refused(script(ask("usage", "사용량은요?"), end("end")), "script-question-needs-choices", "usage");
        refused(script(ask("usage", "사용량은요?", "", "end"), end("end")), "script-choice-label-required", "usage");
        refused(
                script(new StepDraft("greet", null, "", "안녕하세요", List.of()), end("end")),
                "script-step-kind-required",
                "greet");
    }

    @Test
    void keysAreUniqueAndWritten() {
        refused(script(say("a", "하나", "end"), say("a", "둘", "end"), end("end")), "script-step-key-taken", "a");
        refused(script(say("a b", "하나", "end"), end("end")), "script-step-key-invalid", "a b");
        refused(script(say("", "하나", "end"), end("end")), "script-step-key-required");
        assertThat(ScriptGraph.checked(script(say("첫인사", "하나", "끝"), end("끝"))).start())
                .isEqualTo("첫인사");
    }

    @Test
    void textsHaveLimitsAndNoControlCharacters() {
        refused(new ScriptDraft(" ", "", null, List.of(end("end"))), "script-title-required");
        refused(new ScriptDraft("가".repeat(101), "", null, List.of(end("end"))), "script-title-too-long", 100);
        refused(new ScriptDraft("제목", "", null, List.of()), "script-steps-required");
        refused(script(say("a", "가".repeat(1_001), "end"), end("end")), "script-step-text-too-long", "a", 1_000, 1_001);
        refused(script(say("a", "  ", "end"), end("end")), "script-step-text-required", "a");
        refused(new ScriptDraft("제목\u0000", "", null, List.of(end("end"))), "script-control-characters");
        refused(script(say("a", "하나\u0007둘", "end"), end("end")), "script-control-characters");
        refused(
                script(
                        new StepDraft("a", ScriptStepKind.SAY, "탭\t이름", "하나", List.of(new ChoiceDraft("", "end"))),
                        end("end")),
                "script-control-characters");
        // Lines in a step's text are kept, written as \n whatever the browser sent.
        ScriptGraph lines = ScriptGraph.checked(script(say("a", "첫 줄\r\n둘째 줄", "end"), end("end")));
        assertThat(lines.step("a").orElseThrow().text()).isEqualTo("첫 줄\n둘째 줄");
        List<StepDraft> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(say("s" + i, "단계", "s" + (i + 1)));
        }
        many.add(end("s100"));
        refused(new ScriptDraft("제목", "", null, many), "script-too-many-steps", 100);
    }

    @Test
    void onlyKnownVariablesInDoubleBraces() {
        refused(script(say("a", "안녕하세요 {{고객}}님", "end"), end("end")), "script-unknown-variable", "a", "{{고객}}");
        // Single braces are text, as in "{예}" read aloud.
        ScriptGraph graph =
                ScriptGraph.checked(script(say("a", "{예} 또는 {아니오}로 답해 주세요. {{product}}", "end"), end("end")));
        assertThat(graph.steps()).hasSize(2);
    }
}
