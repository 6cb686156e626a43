/**
 * Shared kernel: the few types every module may use: {@link vn.hocba.common.Rejected}, the business
 * refusal a user sees with a specific Vietnamese message; {@link vn.hocba.common.Sha256}, the hashes
 * HocBa records; {@link vn.hocba.common.TypedText}, text typed by a person (NFC, no control
 * characters, within its field's limit); {@link vn.hocba.common.BoundedAnswer}, an outside service's HTTP
 * answer read up to a limit.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.hocba.common;
