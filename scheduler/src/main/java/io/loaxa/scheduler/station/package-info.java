/**
 * The composition root: the one package that knows the adapters (SQLite, Quartz, Java Sound,
 * serial ports, espeak-ng, FreeTTS, systemd, the control server, the report writers) and builds the
 * station's object graph by hand from its config. The command line asks it for what a command
 * needs; nothing below it asks it for anything.
 */
package io.loaxa.scheduler.station;
