/**
 * A relay board that lives in memory: the demo station's cabinet and the stand-in for hardware in
 * fast tests. It remembers every switch with its time so tests can check the order of events, and
 * misbehaves on demand the ways real boards do: a dead channel, a welded relay, a silent board.
 */
package io.loaxa.devices.simulated;
