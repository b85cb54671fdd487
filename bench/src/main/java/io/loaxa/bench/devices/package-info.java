/**
 * Benchmarks of the relay path on the bench: a socat pty pair as the cable, an independent Modbus
 * slave as the board, and the measured switching time set against the time the bytes need on the
 * wire. {@code loaxa bench relays} runs them.
 */
package io.loaxa.bench.devices;
