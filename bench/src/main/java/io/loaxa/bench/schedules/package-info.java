/**
 * Benchmarks of the schedule rules, run by {@code loaxa bench schedule}: how long a large commune's
 * year takes to expand and conflict-check, against lib-recur's RRULE iteration measured in the same run.
 */
package io.loaxa.bench.schedules;
