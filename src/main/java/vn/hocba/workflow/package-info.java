/**
 * The only module that imports {@code org.camunda.*}: it deploys the models of {@code processes/},
 * starts and advances process instances through the domain modules' APIs, and holds the thin
 * delegates of service tasks. Process variables hold ids and flags only; domain state lives in the
 * domain tables. No other module depends on this one.
 */
package vn.hocba.workflow;
