package vn.hocba.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Wrong logins with a username that has no account, counted as {@link LoginLockout} counts them for a
 * real one (five from one address, twenty from all addresses, forgotten after {@link Accounts#LOCKOUT}
 * without a try), so that the sixth guess is answered "locked" for every name alike. Before, only real
 * accounts ever answered "locked": five wrong passwords told anyone whether a username exists.
 *
 * <p>Kept in memory (there is no account row to count on): each node counts its own, and at most
 * {@link #MAX_NAMES} names are remembered; past that the stale ones go first, then the oldest.
 */
@Component
class UnknownNameGuesses {

    static final int MAX_NAMES = 10_000;

    private final Clock clock;
    /** In the order the names were first guessed, so that the oldest go first when the memory is full. */
    private final Map<String, Name> names = new LinkedHashMap<>();

    UnknownNameGuesses(Clock clock) {
        this.clock = clock;
    }

    /** The failures of one unknown username: from each address, and in all. */
    private static final class Name {
        final Map<String, Integer> byAddress = new HashMap<>();
        int total;
        Instant last;
    }

    /** False when the guess is to be answered as for a locked account (no password is compared then). */
    synchronized boolean allowed(String username, String address) {
        Name name = current(username);
        return name == null || name.byAddress.getOrDefault(key(address), 0) < Accounts.MAX_FAILED_LOGINS
                && name.total < LoginLockout.MAX_FAILED_FROM_NEW_ADDRESSES;
    }

    synchronized void failed(String username, String address) {
        Name name = current(username);
        if (name == null) {
            makeRoom();
            name = new Name();
            names.put(normalised(username), name);
        }
        name.byAddress.merge(key(address), 1, Integer::sum);
        name.total++;
        name.last = clock.instant();
    }

    /** The counts of {@code username}, or null when there are none or they have aged out. */
    private Name current(String username) {
        String key = normalised(username);
        Name name = names.get(key);
        if (name != null && stale(name)) {
            names.remove(key);
            return null;
        }
        return name;
    }

    private boolean stale(Name name) {
        return !clock.instant().isBefore(name.last.plus(Accounts.LOCKOUT));
    }

    private void makeRoom() {
        if (names.size() < MAX_NAMES) {
            return;
        }
        names.values().removeIf(this::stale);
        Iterator<Map.Entry<String, Name>> oldest = names.entrySet().iterator();
        while (names.size() >= MAX_NAMES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** As accounts are looked up: the name exactly as typed (cut, so that no name fills the memory). */
    private static String normalised(String username) {
        String name = username == null ? "" : username;
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
