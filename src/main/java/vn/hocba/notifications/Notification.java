package vn.hocba.notifications;

import java.time.Instant;

/** A message for one person. */
public record Notification(long id, String recipient, String kind, String message, Instant createdAt, Instant readAt) {
}
