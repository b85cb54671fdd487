/**
 * The real neighbours loaxa's tests and benchmarks talk to, started as their own instances: pty
 * pairs made by socat, the independent Modbus and relay-board peers (python3-pymodbus and a small
 * scripted board), a live MP3 server standing in for the provincial station's stream, a private
 * PulseAudio null sink and a tap on its monitor that records what the speakers carried,
 * the province's MQTT broker (a private Mosquitto with TLS, passwords and the hub ACL), the check
 * that a needed tool is installed (skip outside CI, fail under it), and the one mutable clock.
 * Nothing in the product depends on it.
 */
package io.loaxa.testkit;
