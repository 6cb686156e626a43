/**
 * Command-line entry points of {@code hocba.jar}: each sub-command runs without a web server.
 * Commands register themselves in {@link vn.hocba.cli.CommandLine}.
 */
package vn.hocba.cli;
