/**
 * In-app notifications: reminders of the school's deadlines (seed 000/001) and escalations. A
 * notification is stored once per recipient and subject of the reminder (dedupe key), so a
 * re-run reminder job never notifies twice. When an SMTP server is configured
 * ({@code spring.mail.host}), a notice can also be queued as an e-mail ({@code MailOutbox}) and is
 * sent, retried on failure, by {@code MailDelivery}, apart from the in-app notice.
 */
package vn.hocba.notifications;
