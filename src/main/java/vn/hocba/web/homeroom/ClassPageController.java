package vn.hocba.web.homeroom;

/** Marks the controllers of a class's homeroom pages, whose refusals are shown as a Vietnamese page ({@link ClassPageErrors}). */
public interface ClassPageController {
}
