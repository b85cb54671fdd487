/**
 * What gets switched in the station cabinet: relay boards, the hamlet lines and the amplifier they
 * switch, and the order that keeps speakers and amplifier safe. Knows nothing of programmes or time of day.
 */
package io.loaxa.devices;
