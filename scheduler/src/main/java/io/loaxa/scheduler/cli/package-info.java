/**
 * The {@code loaxa} command line the operator and the installer type: run the station, air now,
 * export the log. Human-readable output; exit 0 on success, 1 on a user error, 2 on an
 * internal error. The only package that imports picocli.
 */
package io.loaxa.scheduler.cli;
