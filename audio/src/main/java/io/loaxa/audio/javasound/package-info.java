/**
 * The station's sound card through Java Sound: playback into the amplifier feed and decoding of
 * recorded files. The only package that imports {@code javax.sound}.
 */
package io.loaxa.audio.javasound;
