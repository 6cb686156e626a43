package vn.hocba.documents;

import java.util.Collection;
import java.util.Map;

/**
 * Where the students' register numbers (số sổ đăng bộ) are kept (the học bạ số identifiers
 * implement it): the transcript prints a student's number on its cover as "…/THCS".
 */
@FunctionalInterface
public interface RegisterNumbers {

    /** No register numbers known: the cover leaves the number to be written in. */
    RegisterNumbers NONE = studentIds -> Map.of();

    /** Student id → register number, for those of {@code studentIds} that have one. */
    Map<Long, String> of(Collection<Long> studentIds);
}
