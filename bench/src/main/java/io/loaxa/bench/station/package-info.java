/** Benchmarks of the running station, measured on this machine and printed for the operator's notes. */
package io.loaxa.bench.station;
