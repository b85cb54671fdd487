/**
 * The hub's link to the MQTT broker (Mosquitto) through Eclipse Paho: one persistent session as
 * {@code loaxa-hub}, subscribed to every station's topics at QoS 1 with manual acknowledgement, so a
 * message the broker delivered stays unacknowledged, and is delivered again, until the hub's
 * database has committed it; and the publishing of signed commands to one station's topic.
 */
package io.loaxa.hub.mqtt;
