package io.sangdam.engine.protection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Aho-Corasick automaton over normalised text: one pass finds every occurrence of every phrase,
 * so the cost per message does not grow with the size of the lexicon.
 *
 * <p>Immutable after construction and safe to share between threads. Transitions out of the root
 * (taken for almost every character, since most text matches nothing) are a direct table; deeper
 * nodes have few children and use a binary search over sorted labels.
 */
final class PhraseAutomaton {

    /**
     * Receives each occurrence: the phrase's index in the list given to the constructor, and the end.
     */
    interface Occurrences {
        void found(int phrase, int end);
    }

    private static final int[] NONE = new int[0];

    private final int[] rootChildren = new int[Character.MAX_VALUE + 1];
    private final char[][] labels;
    private final int[][] children;
    private final int[] failure;

    /** Phrases ending at each node, including those reached through failure links. */
    private final int[][] outputs;

    PhraseAutomaton(List<String> phrases) {
        List<TreeMap<Character, Integer>> edges = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        edges.add(new TreeMap<>());
        ends.add(new ArrayList<>());
        for (int phrase = 0; phrase < phrases.size(); phrase++) {
            String key = phrases.get(phrase);
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                Integer next = edges.get(node).get(key.charAt(i));
                if (next == null) {
                    next = edges.size();
                    edges.get(node).put(key.charAt(i), next);
                    edges.add(new TreeMap<>());
                    ends.add(new ArrayList<>());
                }
                node = next;
            }
            ends.get(node).add(phrase);
        }
        int nodes = edges.size();
        labels = new char[nodes][];
        children = new int[nodes][];
        for (int node = 0; node < nodes; node++) {
            TreeMap<Character, Integer> map = edges.get(node);
            labels[node] = new char[map.size()];
            children[node] = new int[map.size()];
            int k = 0;
            for (Map.Entry<Character, Integer> edge : map.entrySet()) {
                labels[node][k] = edge.getKey();
                children[node][k] = edge.getValue();
                k++;
            }
        }
        Arrays.fill(rootChildren, -1);
        for (int k = 0; k < labels[0].length; k++) {
            rootChildren[labels[0][k]] = children[0][k];
        }

        failure = new int[nodes];
        outputs = new int[nodes][];
        outputs[0] = toArray(ends.get(0));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children[0]) {
            failure[child] = 0;
            queue.add(child);
        }
        // Breadth first, so a node's failure target is complete before the node itself is visited.
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int[] own = toArray(ends.get(node));
            int[] inherited = outputs[failure[node]];
            outputs[node] = inherited.length == 0 ? own : concat(own, inherited);
            for (int k = 0; k < labels[node].length; k++) {
                char label = labels[node][k];
                int child = children[node][k];
                int fallback = failure[node];
                int target = step(fallback, label);
                while (target < 0 && fallback != 0) {
                    fallback = failure[fallback];
                    target = step(fallback, label);
                }
                failure[child] = target < 0 ? 0 : target;
                queue.add(child);
            }
        }
    }

    void scan(String text, Occurrences occurrences) {
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = step(node, c);
            while (next < 0 && node != 0) {
                node = failure[node];
                next = step(node, c);
            }
            node = next < 0 ? 0 : next;
            for (int phrase : outputs[node]) {
                occurrences.found(phrase, i + 1);
            }
        }
    }

    int nodeCount() {
        return failure.length;
    }

    private int step(int node, char c) {
        if (node == 0) {
            return rootChildren[c];
        }
        int k = Arrays.binarySearch(labels[node], c);
        return k < 0 ? -1 : children[node][k];
    }

    private static int[] toArray(List<Integer> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
