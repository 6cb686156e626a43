/**
 * The homeroom teacher's records: absences, conduct ratings ({@link vn.hocba.gradebook.homeroom.HomeroomRecords})
 * and the monthly confirmation of attendance ({@link vn.hocba.gradebook.homeroom.AttendanceMonths}).
 */
@org.springframework.modulith.NamedInterface("homeroom")
package vn.hocba.gradebook.homeroom;
