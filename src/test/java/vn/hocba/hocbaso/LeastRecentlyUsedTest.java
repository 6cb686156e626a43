package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bound of the per-JVM memories of the records (fingerprints, recently stored versions). */
class LeastRecentlyUsedTest {

    @Test
    void theLeastRecentlyUsedEntryIsForgottenWhenFullAndATakenEntryIsGone() {
        LeastRecentlyUsed<String, Integer> kept = new LeastRecentlyUsed<>(2);
        kept.put("a", 1);
        kept.put("b", 2);
        assertThat(kept.get("a")).contains(1); // "a" is now the most recently used
        kept.put("c", 3);
        assertThat(kept.get("b")).as("the least recently used is forgotten").isEmpty();
        assertThat(kept.get("a")).contains(1);
        assertThat(kept.take("c")).contains(3);
        assertThat(kept.take("c")).isEmpty();
        kept.put("a", 4);
        assertThat(kept.get("a")).as("a second put replaces").contains(4);
    }

    @Test
    void aCapacityOfZeroOrLessKeepsNothing() {
        for (int capacity : new int[] {0, -1}) {
            LeastRecentlyUsed<String, Integer> none = new LeastRecentlyUsed<>(capacity);
            none.put("a", 1);
            assertThat(none.get("a")).isEmpty();
        }
    }
}
