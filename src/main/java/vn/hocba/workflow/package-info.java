/**
 * The only module that imports {@code org.camunda.*}: it deploys the models of {@code processes/},
 * starts and advances process instances through the domain modules' APIs ({@code TermCloseWorkflow},
 * {@code YearEndWorkflow}, {@code CorrectionWorkflow}, {@code ClassDocumentsWorkflow}, the
 * {@code TaskInbox}), and holds the thin delegates of service tasks, including the timer processes'
 * reminder tasks that ask {@code reminders} what is due. The engine is confined
 * ({@code ConfinedEngine}): no scripts, expressions reach only this module's beans. Process variables
 * hold ids and flags only; a delegate checks the domain records, never trusts a variable. The REST
 * controllers that drive these processes live in {@code web} by feature. No other module depends on
 * this one.
 */
package vn.hocba.workflow;
