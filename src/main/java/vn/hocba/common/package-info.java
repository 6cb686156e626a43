/**
 * Shared kernel: the few types every module may use, such as {@link vn.hocba.common.Rejected},
 * the business refusal a user sees with a specific Vietnamese message.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.hocba.common;
