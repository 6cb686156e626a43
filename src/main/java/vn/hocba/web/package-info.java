/**
 * Pages (Thymeleaf, Vietnamese, {@code src/main/resources/web}) and REST controllers, one folder per
 * feature with its pages and API side by side: {@code home} (login, home page), {@code tasks} (the task
 * inbox, notifications), {@code marks} (mark sheets, results, entry progress and readiness),
 * {@code comments}, {@code excel} (templates and uploads), {@code interchange} (the class gradebook as
 * JSON), {@code homeroom} (attendance, conduct), {@code closing} (locks, term close, year end),
 * {@code corrections}, {@code documents}, {@code verification} (public checks of a printed or received
 * document), {@code setup} (school, year, staff, assignments, test dates), {@code accounts} and
 * {@code audit}. The root holds what every feature shares: RFC 7807 problem responses
 * ({@link vn.hocba.web.ApiErrors}), the viewer's school and year ({@link vn.hocba.web.SchoolContext}).
 *
 * <p>Controllers are thin: they check rights through {@link vn.hocba.security.AccessPolicy}, call one
 * module API (a process controller calls {@code workflow}'s API; only {@code workflow} imports Camunda)
 * and map refusals to problem responses. Nothing depends on this module.
 */
package vn.hocba.web;
