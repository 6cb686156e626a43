package vn.hocba.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * What one person may reach right now: the account's granted roles plus the homeroom and
 * teaching assignments of the active school year.
 */
public record Viewer(Account account, List<HomeroomAssignment> homerooms, List<TeachingAssignment> teaching) {

    /** Roles that see (read) every class of the school. */
    private static final Set<Role> SCHOOL_WIDE = EnumSet.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.ADMIN_BOARD,
            Role.DEPARTMENT_HEAD, Role.CLERK);

    /** Granted and derived roles. */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.roles());
        if (!homerooms.isEmpty()) {
            roles.add(Role.HOMEROOM_TEACHER);
        }
        if (!teaching.isEmpty()) {
            roles.add(Role.SUBJECT_TEACHER);
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    /** Principal, vice principal, admin board, department head and clerk read the whole school. */
    public boolean seesWholeSchool() {
        return account.roles().stream().anyMatch(SCHOOL_WIDE::contains);
    }

    public boolean isHomeroomTeacherOf(ClassId schoolClass) {
        return homerooms.stream().anyMatch(h -> h.schoolClass().id().equals(schoolClass));
    }

    public boolean teachesIn(ClassId schoolClass) {
        return teaching.stream().anyMatch(t -> t.schoolClass().id().equals(schoolClass));
    }

    public boolean teaches(ClassId schoolClass, SubjectId subject) {
        return teaching.stream().anyMatch(t -> t.schoolClass().id().equals(schoolClass) && t.subject().id().equals(subject));
    }

    /** The regular columns this person enters in a subject of a class: one range per assignment (co-teachers share a subject by ranges). */
    public List<ColumnRange> columns(ClassId schoolClass, SubjectId subject) {
        return teaching.stream().filter(t -> t.schoolClass().id().equals(schoolClass) && t.subject().id().equals(subject))
                .map(TeachingAssignment::columns).toList();
    }

    /**
     * Everything of a class (every subject's marks and results, conduct, students' full profiles):
     * school-wide roles and its homeroom teacher. A subject teacher is not among them (issue 13, item 17).
     */
    public boolean seesWholeClass(ClassId schoolClass) {
        return seesWholeSchool() || isHomeroomTeacherOf(schoolClass);
    }

    /** The marks and results of one subject of a class: whoever sees the whole class, and the subject's teachers. */
    public boolean seesSubject(ClassId schoolClass, SubjectId subject) {
        return seesWholeClass(schoolClass) || teaches(schoolClass, subject);
    }

    /**
     * Reaching a class at all: school-wide roles, its homeroom teacher, its subject teachers. A subject
     * teacher reads in it only the students' names, codes and dates of birth and their own subjects.
     */
    public boolean canReadClass(ClassId schoolClass) {
        return seesWholeSchool() || isHomeroomTeacherOf(schoolClass) || teachesIn(schoolClass);
    }
}
