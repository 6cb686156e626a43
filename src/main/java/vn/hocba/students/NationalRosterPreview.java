package vn.hocba.students;

import java.util.List;
import vn.hocba.students.NationalRosterRow.Outcome;

/** What an import of a national-database export would do; applied all or nothing, only when no row is invalid. */
public record NationalRosterPreview(String id, long yearId, String sha256, List<NationalRosterRow> rows) {

    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** True when nothing is invalid and something would be written. */
    public boolean applicable() {
        return count(Outcome.INVALID) == 0 && count(Outcome.NEW) + count(Outcome.CHANGED) + count(Outcome.UNCHANGED) > 0;
    }
}
