package io.sangdam.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sangdam.knowledge.TextDiff.Change;
import io.sangdam.knowledge.TextDiff.DiffLine;
import io.sangdam.knowledge.TextDiff.DiffSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Test
    void theLongestCommonSubsequenceKeepsWhatBothShare() {
        var steps = TextDiff.steps(List.of("a", "b", "c", "d"), List.of("b", "x", "d", "e"));
        assertThat(steps.stream().map(s -> s.change() + ":" + s.item()))
                .containsExactly("REMOVED:a", "SAME:b", "REMOVED:c", "ADDED:x", "SAME:d", "ADDED:e");
    }

    @Test
    void identicalTextsAreAllSame() {
        assertThat(TextDiff.lines("가\n나", "가\n나"))
                .extracting(DiffLine::change)
                .containsExactly(Change.SAME, Change.SAME);
    }

    @Test
    void aChangedLineMarksOnlyTheWordsThatDiffer() {
        List<DiffLine> lines = TextDiff.lines("제목\n위약금은 10,000원입니다.\n끝", "제목\n위약금은 20,000원입니다.\n끝");
        assertThat(lines).extracting(DiffLine::change).containsExactly(Change.SAME, Change.CHANGED, Change.SAME);
        DiffLine changed = lines.get(1);
        assertThat(changed.before())
                .containsExactly(
                        new DiffSegment("위약금은 ", false),
                        new DiffSegment("10", true),
                        new DiffSegment(",000원입니다.", false));
        assertThat(changed.after()).contains(new DiffSegment("20", true));
    }

    @Test
    void addedAndRemovedLinesStandAlone() {
        List<DiffLine> lines = TextDiff.lines("하나\n둘\n셋", "하나\n셋\n넷");
        assertThat(lines)
                .extracting(DiffLine::change)
                .containsExactly(Change.SAME, Change.REMOVED, Change.SAME, Change.ADDED);
        assertThat(lines.get(1).before()).containsExactly(new DiffSegment("둘", true));
        assertThat(lines.get(3).after()).containsExactly(new DiffSegment("넷", true));
    }

    @Test
    void anEmptyTextBecomingSomethingIsAllAdded() {
        List<DiffLine> lines = TextDiff.lines("", "새 줄");
        assertThat(lines).extracting(DiffLine::change).containsExactly(Change.CHANGED);
        assertThat(lines.getFirst().after()).containsExactly(new DiffSegment("새 줄", true));
    }

    @Test
    void wordsSplitKoreanAndSignsApart() {
        assertThat(TextDiff.words("요금제 변경(5G)")).containsExactly("요금제", " ", "변경", "(", "5G", ")");
    }

    @Test
    void aHugePairFallsBackToRemovedThenAddedInsteadOfAHugeTable() {
        List<String> before =
                java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "a" + i).toList();
        List<String> after =
                java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "b" + i).toList();
        var steps = TextDiff.steps(before, after);
        assertThat(steps).hasSize(6000);
        assertThat(steps.getFirst().change()).isEqualTo(Change.REMOVED);
        assertThat(steps.getLast().change()).isEqualTo(Change.ADDED);
    }
}
