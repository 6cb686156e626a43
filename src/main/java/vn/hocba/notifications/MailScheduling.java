package vn.hocba.notifications;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@link MailDelivery}'s periodic run (it does nothing while no SMTP server is configured). */
@Configuration
@EnableScheduling
class MailScheduling {
}
