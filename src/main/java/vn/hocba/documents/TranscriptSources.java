package vn.hocba.documents;

import java.util.Optional;
import vn.hocba.schoolyear.ClassId;

/**
 * Where a transcript's source record comes from (the học bạ số side implements it): the student's
 * signed record of the class, embedded in the transcript PDF as its {@code Source} associated file.
 */
@FunctionalInterface
public interface TranscriptSources {

    /** No source records (học bạ số not in use). */
    TranscriptSources NONE = (classId, studentId) -> Optional.empty();

    Optional<SourceAttachment> of(ClassId classId, long studentId);
}
