/**
 * Verification of signed documents with the EU DSS validator, offline, against the configured
 * trust anchors: per signature signer, role, claimed and time-stamped time, issuer, integrity and
 * PAdES level, with an overall verdict, in Vietnamese for people ({@link
 * vn.hocba.pades.verify.VerificationText}) and as JSON for machines ({@link
 * vn.hocba.pades.verify.VerificationReport#toJson()}).
 */
@org.springframework.modulith.NamedInterface("verify")
package vn.hocba.pades.verify;
