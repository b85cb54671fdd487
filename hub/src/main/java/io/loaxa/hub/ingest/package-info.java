/**
 * Filing what the stations send: messages taken off the broker in batches, read and checked, filed
 * in one database transaction per batch and acknowledged to the broker only after the commit, so a
 * database restart or a hub crash loses nothing. Bodies that break the protocol are dropped and
 * logged once per sender per hour.
 */
package io.loaxa.hub.ingest;
