package io.sangdam.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable difference between two texts: line by line (longest common subsequence of lines),
 * and inside a line that was changed rather than added or removed, the words that differ. Plain
 * dynamic programming, quadratic in lines; article bodies are a few hundred lines at most, and
 * {@link #MAXIMUM_CELLS} keeps a pathological pair from taking the server's memory.
 */
public final class TextDiff {

    /** Above this many line pairs the diff shows the old text removed and the new one added. */
    static final long MAXIMUM_CELLS = 4_000_000;

    public enum Change {
        SAME,
        ADDED,
        REMOVED,
        CHANGED
    }

    /** A piece of a line; {@code marked} when it differs from the other version. */
    public record DiffSegment(String text, boolean marked) {}

    /**
     * One line of the diff. For {@link Change#CHANGED} both sides are set, each with its changed
     * words marked; for the others the one side that exists (both for SAME).
     */
    public record DiffLine(Change change, List<DiffSegment> before, List<DiffSegment> after) {
        public DiffLine {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    private static final Pattern WORD = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

    private TextDiff() {}

    public static List<DiffLine> lines(String before, String after) {
        List<String> old = List.of(before.split("\\R", -1));
        List<String> updated = List.of(after.split("\\R", -1));
        List<Step<String>> steps = steps(old, updated);
        List<DiffLine> lines = new ArrayList<>();
        // Removed lines directly followed by added ones pair up as changed lines, word-marked.
        int at = 0;
        while (at < steps.size()) {
            Step<String> step = steps.get(at);
            if (step.change() == Change.SAME) {
                List<DiffSegment> same = List.of(new DiffSegment(step.item(), false));
                lines.add(new DiffLine(Change.SAME, same, same));
                at++;
                continue;
            }
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            while (at < steps.size() && steps.get(at).change() == Change.REMOVED) {
                removed.add(steps.get(at++).item());
            }
            while (at < steps.size() && steps.get(at).change() == Change.ADDED) {
                added.add(steps.get(at++).item());
            }
            int paired = Math.min(removed.size(), added.size());
            for (int i = 0; i < paired; i++) {
                lines.add(changed(removed.get(i), added.get(i)));
            }
            for (int i = paired; i < removed.size(); i++) {
                lines.add(new DiffLine(Change.REMOVED, List.of(new DiffSegment(removed.get(i), true)), List.of()));
            }
            for (int i = paired; i < added.size(); i++) {
                lines.add(new DiffLine(Change.ADDED, List.of(), List.of(new DiffSegment(added.get(i), true))));
            }
        }
        return lines;
    }

    /** Words (and the spaces and signs between them) of two versions of one line, those that differ marked. */
    static DiffLine changed(String before, String after) {
        List<Step<String>> steps = steps(words(before), words(after));
        List<DiffSegment> old = new ArrayList<>();
        List<DiffSegment> updated = new ArrayList<>();
        for (Step<String> step : steps) {
            switch (step.change()) {
                case SAME -> {
                    append(old, step.item(), false);
                    append(updated, step.item(), false);
                }
                case REMOVED -> append(old, step.item(), true);
                case ADDED -> append(updated, step.item(), true);
                case CHANGED -> throw new IllegalStateException("steps are never CHANGED");
            }
        }
        return new DiffLine(Change.CHANGED, old, updated);
    }

    private static void append(List<DiffSegment> segments, String text, boolean marked) {
        if (!segments.isEmpty() && segments.getLast().marked() == marked) {
            DiffSegment last = segments.removeLast();
            segments.add(new DiffSegment(last.text() + text, marked));
        } else {
            segments.add(new DiffSegment(text, marked));
        }
    }

    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(line);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    record Step<T>(Change change, T item) {}

    /** The edit script turning {@code before} into {@code after}: SAME, REMOVED and ADDED steps in order. */
    static <T> List<Step<T>> steps(List<T> before, List<T> after) {
        // Common head and tail cost nothing and keep the table small for the usual small edit.
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head
                && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<T> left = before.subList(head, before.size() - tail);
        List<T> right = after.subList(head, after.size() - tail);
        List<Step<T>> steps = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            steps.add(new Step<>(Change.SAME, before.get(i)));
        }
        if ((long) left.size() * right.size() > MAXIMUM_CELLS) {
            left.forEach(item -> steps.add(new Step<>(Change.REMOVED, item)));
            right.forEach(item -> steps.add(new Step<>(Change.ADDED, item)));
        } else {
            steps.addAll(middle(left, right));
        }
        for (int i = before.size() - tail; i < before.size(); i++) {
            steps.add(new Step<>(Change.SAME, before.get(i)));
        }
        return steps;
    }

    private static <T> List<Step<T>> middle(List<T> left, List<T> right) {
        int rows = left.size();
        int columns = right.size();
        // longest[i][j]: length of the longest common subsequence of left[i..] and right[j..]
        int[][] longest = new int[rows + 1][columns + 1];
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = columns - 1; j >= 0; j--) {
                longest[i][j] = left.get(i).equals(right.get(j))
                        ? longest[i + 1][j + 1] + 1
                        : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        List<Step<T>> steps = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < rows && j < columns) {
            if (left.get(i).equals(right.get(j))) {
                steps.add(new Step<>(Change.SAME, left.get(i++)));
                j++;
            } else if (longest[i + 1][j] >= longest[i][j + 1]) {
                steps.add(new Step<>(Change.REMOVED, left.get(i++)));
            } else {
                steps.add(new Step<>(Change.ADDED, right.get(j++)));
            }
        }
        while (i < rows) {
            steps.add(new Step<>(Change.REMOVED, left.get(i++)));
        }
        while (j < columns) {
            steps.add(new Step<>(Change.ADDED, right.get(j++)));
        }
        return steps;
    }
}
