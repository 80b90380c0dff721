package io.camelcount.mock.domain;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A set of positions in the invoice list's order (creation sequence numbers) that answers "the k-th" and "how many
 * come before" in O(log n): a treap whose nodes count their subtree, so that a page is found without walking the
 * entries before it. A node's priority is a hash of its key, so the shape is the same on every run. Not thread-safe:
 * {@link InvoiceIndex} uses it under the workspace's lock.
 */
final class RankedSet {

    private Node root;

    int size() {
        return size(root);
    }

    /** Adds a key the set does not hold. */
    void add(int key) {
        Node[] parts = split(root, key);
        root = merge(merge(parts[0], new Node(key)), parts[1]);
    }

    /** Removes a key the set holds. */
    void remove(int key) {
        Node[] below = split(root, key);
        Node[] rest = split(below[1], key + 1);
        root = merge(below[0], rest[1]);
    }

    /** How many keys are smaller than {@code key}. */
    int rank(int key) {
        int rank = 0;
        for (Node node = root; node != null; ) {
            if (node.key < key) {
                rank += size(node.left) + 1;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return rank;
    }

    /** Gives {@code action} up to {@code count} keys in ascending order, from the {@code from}-th (0-based) on. */
    void forEach(int from, int count, IntConsumer action) {
        visit(root, from, count, action);
    }

    /**
     * Up to {@code count} keys of the union of disjoint sets, in ascending order, from its {@code from}-th (0-based)
     * on: the first key is found by bisecting the key range on the sets' ranks, O(log² n) per set, then each set gives
     * at most {@code count} keys from there.
     */
    static int[] page(List<RankedSet> sets, long from, int count) {
        long total = sets.stream().mapToLong(RankedSet::size).sum();
        if (from >= total || count == 0) {
            return new int[0];
        }
        if (sets.size() == 1) {
            return collect(sets.get(0), (int) from, count);
        }
        int first = firstKeyWithRankAbove(sets, from);
        int[] merged = sets.stream()
                .flatMapToInt(set -> Arrays.stream(collect(set, set.rank(first), count)))
                .sorted()
                .toArray();
        return Arrays.copyOf(merged, (int) Math.min(count, merged.length));
    }

    /** The smallest key {@code x} such that more than {@code from} keys of the sets are at most {@code x}. */
    private static int firstKeyWithRankAbove(List<RankedSet> sets, long from) {
        int low = 0;
        int high = Integer.MAX_VALUE;
        while (low < high) {
            int middle = low + (high - low) / 2;
            long atMost = sets.stream().mapToLong(set -> set.rank(middle + 1)).sum();
            if (atMost > from) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static int[] collect(RankedSet set, int from, int count) {
        int[] keys = new int[Math.max(0, Math.min(count, set.size() - from))];
        int[] next = {0};
        set.forEach(from, keys.length, key -> keys[next[0]++] = key);
        return keys;
    }

    /** In-order walk that skips whole subtrees by their counts: O(log n + count). Returns how many keys it gave. */
    private static int visit(Node node, int skip, int count, IntConsumer action) {
        if (node == null || count == 0) {
            return 0;
        }
        int leftSize = size(node.left);
        int given = skip < leftSize ? visit(node.left, skip, count, action) : 0;
        if (given < count && skip <= leftSize) {
            action.accept(node.key);
            given++;
        }
        if (given < count) {
            given += visit(node.right, Math.max(0, skip - leftSize - 1), count - given, action);
        }
        return given;
    }

    /** The keys below {@code key}, and the others. */
    private static Node[] split(Node node, int key) {
        if (node == null) {
            return new Node[] {null, null};
        }
        if (node.key < key) {
            Node[] parts = split(node.right, key);
            node.right = parts[0];
            parts[0] = node.counted();
            return parts;
        }
        Node[] parts = split(node.left, key);
        node.left = parts[1];
        parts[1] = node.counted();
        return parts;
    }

    /** Joins two treaps whose keys are all below and all above each other. */
    private static Node merge(Node below, Node above) {
        if (below == null) {
            return above;
        }
        if (above == null) {
            return below;
        }
        if (below.priority > above.priority) {
            below.right = merge(below.right, above);
            return below.counted();
        }
        above.left = merge(below, above.left);
        return above.counted();
    }

    private static int size(Node node) {
        return node == null ? 0 : node.size;
    }

    private static final class Node {

        private final int key;
        private final int priority;
        private int size = 1;
        private Node left;
        private Node right;

        private Node(int key) {
            this.key = key;
            this.priority = mix(key);
        }

        private Node counted() {
            size = 1 + size(left) + size(right);
            return this;
        }

        /** MurmurHash3's finaliser: consecutive keys get unrelated priorities, so the treap stays balanced. */
        private static int mix(int key) {
            int h = key;
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            return h;
        }
    }
}
