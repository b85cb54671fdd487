/**
 * Measurements of the audio engine against the plain ways of doing the same job, run on the station
 * machine itself ({@code loaxa bench ...}): how close to the planned second the first sample is
 * heard, and what a long rebroadcast costs in CPU and memory. What aired is heard back from the
 * PulseAudio sink's monitor with {@code parec}.
 */
package io.loaxa.bench.audio;
