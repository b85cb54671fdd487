/**
 * The station's benchmarks, run on the station machine as {@code ./loaxa bench …}: each prints its
 * figures and their ratio against a plain way of doing the same job measured in the same run (a
 * sleep-then-paplay start, raw espeak-ng, the bytes' time on the wire, lib-recur, a CSV export).
 * Kept out of the product's modules: nothing the station runs depends on this module.
 */
package io.loaxa.bench;
