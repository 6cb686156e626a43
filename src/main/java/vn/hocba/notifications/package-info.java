/**
 * In-app notifications: reminders of the school's deadlines (seed 000/001) and escalations. A
 * notification is stored once per recipient and subject of the reminder (dedupe key), so a
 * re-run reminder job never notifies twice.
 */
package vn.hocba.notifications;
