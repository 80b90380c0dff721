package io.camelcount.mock.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice list's ranked sets against {@link TreeSet}s given the same adds and removes, pages of unions included. */
class RankedSetTest {

    @Test
    void ranksAndPagesAgreeWithASortedSetThroughAddsAndRemoves() {
        Random random = new Random(19);
        List<RankedSet> sets = List.of(new RankedSet(), new RankedSet(), new RankedSet());
        List<TreeSet<Integer>> expected = List.of(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        for (int key = 0; key < 3_000; key++) {
            int owner = random.nextInt(sets.size());
            sets.get(owner).add(key);
            expected.get(owner).add(key);
            if (random.nextInt(3) == 0) {
                int victim = random.nextInt(sets.size());
                Integer removed = expected.get(victim).isEmpty() ? null : expected.get(victim).pollFirst();
                if (removed != null) {
                    sets.get(victim).remove(removed);
                }
            }
            if (key % 97 == 0) {
                assertAgree(sets, expected, random);
            }
        }
        assertAgree(sets, expected, random);
    }

    @Test
    void aPagePastTheEndIsEmpty() {
        RankedSet set = new RankedSet();
        set.add(4);
        set.add(7);

        assertThat(RankedSet.page(List.of(set), 2, 10)).isEmpty();
        assertThat(RankedSet.page(List.of(set, new RankedSet()), 1, 10)).containsExactly(7);
        assertThat(set.rank(5)).isEqualTo(1);
    }

    private static void assertAgree(List<RankedSet> sets, List<TreeSet<Integer>> expected, Random random) {
        TreeSet<Integer> union = new TreeSet<>();
        for (int i = 0; i < sets.size(); i++) {
            assertThat(sets.get(i).size()).isEqualTo(expected.get(i).size());
            int probe = random.nextInt(3_000);
            assertThat(sets.get(i).rank(probe)).isEqualTo(expected.get(i).headSet(probe).size());
            union.addAll(expected.get(i));
        }
        List<Integer> all = new ArrayList<>(union);
        int from = random.nextInt(all.size() + 2);
        int count = 1 + random.nextInt(120);
        assertThat(RankedSet.page(sets, from, count))
                .containsExactly(all.subList(Math.min(from, all.size()), Math.min(from + count, all.size()))
                        .stream().mapToInt(Integer::intValue).toArray());
        List<Integer> first = new ArrayList<>(expected.get(0));
        int start = random.nextInt(first.size() + 1);
        assertThat(RankedSet.page(sets.subList(0, 1), start, count))
                .containsExactly(first.subList(start, Math.min(start + count, first.size()))
                        .stream().mapToInt(Integer::intValue).toArray());
    }
}
