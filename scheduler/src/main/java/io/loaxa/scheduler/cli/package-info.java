/**
 * The {@code loaxa} command line the operator and the installer type: run the station, air now,
 * export the log. Human-readable output; exit 0 on success, 1 on anything a person can fix (said in
 * their words, with the file and the place), 2 only on an internal fault, shown as one line that
 * points to {@code loaxa-faults.log} where the stack trace goes. The only package that imports picocli.
 */
package io.loaxa.scheduler.cli;
