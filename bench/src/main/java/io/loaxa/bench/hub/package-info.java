/**
 * The province hub under load on one machine: a simulator of many stations speaking the hub
 * protocol over one private Mosquitto, the hub itself on a private PostgreSQL, and the figures of
 * ingest, fan-out to every station and the year report against a hand-written SQL aggregate.
 */
package io.loaxa.bench.hub;
