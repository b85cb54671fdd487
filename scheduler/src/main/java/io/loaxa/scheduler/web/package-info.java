/**
 * The daemon's HTTP API (Javalin on Jetty): JSON in and out, accounts with roles, cookie sessions
 * with a CSRF token, the one-time setup link, and the loopback connector through which the local
 * CLI reaches the running daemon with the credential it writes, readable only by its user, into the
 * data folder. Its sockets are bound at start; Javalin, Jetty and Jackson are loaded and started on
 * the first connection, so an idle station does without them. The only package that imports
 * Javalin, Jetty or Jackson.
 */
package io.loaxa.scheduler.web;
