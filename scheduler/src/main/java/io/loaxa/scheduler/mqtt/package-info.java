/**
 * The station's end of the MQTT link to the province hub, on Eclipse Paho (MQTT 3.1.1): TLS
 * against the broker's CA from the station config, the station's own broker user and password, a
 * persistent session so the hub's commands wait at the broker while the station is away, QoS 1,
 * the retained online flag with a will that says offline, and reconnecting by itself with backoff.
 * It translates; what to send and when belongs to the uplink.
 */
package io.loaxa.scheduler.mqtt;
