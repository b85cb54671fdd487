/**
 * How the station sounds: PCM clips, the built-in chimes, and the port to the sound card that feeds
 * the amplifier. Knows nothing of zones, programmes or time of day.
 */
package io.loaxa.audio;
