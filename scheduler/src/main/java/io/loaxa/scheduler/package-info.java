/**
 * What the station's work is made of, and nothing that does it: the ports the use cases talk
 * through (the airing log, the planned airings, the programmes, the schedule store, the airing
 * triggers, time sync, the service supervisor) and the values that cross them (a run's start and
 * end, its outcome and trigger, a row of the log). Use cases live in {@code airing} and
 * {@code planning}, the station config in {@code config}, adapters in packages named after their
 * technology, and {@code station} wires them together.
 */
package io.loaxa.scheduler;
