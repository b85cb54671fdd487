/**
 * The running daemon's local control API on 127.0.0.1, so commands that touch the sound card or the
 * relays go through the daemon instead of fighting it for the port. Each request carries the token
 * the daemon writes, readable only by its user, into the data folder. The only package that imports
 * the JDK's HTTP server.
 */
package io.loaxa.scheduler.web;
