package vn.hocba.hocbaso;

import vn.hocba.pades.SigningCredential;
import vn.hocba.schoolyear.ClassId;

/**
 * The school's issuing certificate (the organisation certificate of the school seal) for a class's
 * packages; the signing side implements it with the same key source as the seal.
 */
@FunctionalInterface
public interface IssuingCredential {

    SigningCredential of(ClassId classId);
}
