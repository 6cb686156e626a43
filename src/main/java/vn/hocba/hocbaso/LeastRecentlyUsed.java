package vn.hocba.hocbaso;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded map that forgets its least recently used entry when full, safe to share between request threads:
 * what the per-JVM memories of this package ({@link RecordFingerprintMemo}, {@link RecentRecordDocuments}) keep.
 * Each of them keys its entries so that a value found is never stale; this class only bounds the memory
 * (a capacity of 0 or less keeps nothing, as before).
 */
final class LeastRecentlyUsed<K, V> {

    private final Map<K, V> entries;

    LeastRecentlyUsed(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key} (now the most recently used), or empty. */
    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The value kept for {@code key}, no longer kept; empty when there was none. */
    synchronized Optional<V> take(K key) {
        return Optional.ofNullable(entries.remove(key));
    }

    /** Keeps {@code value} for {@code key} (replacing what was kept), forgetting the least recently used when full. */
    synchronized void put(K key, V value) {
        entries.put(key, value);
    }
}
