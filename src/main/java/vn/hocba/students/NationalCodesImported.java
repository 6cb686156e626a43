package vn.hocba.students;

import java.util.Map;
import vn.hocba.audit.Actor;

/**
 * Published inside the transaction of a national import ({@link NationalRosterImport#apply}): each written
 * student with the "Mã học sinh" of the national education database's export, for the học bạ số identifiers.
 */
public record NationalCodesImported(Map<StudentId, String> codes, Actor by) {
}
