/**
 * espeak-ng, the offline Vietnamese voice (Northern, Central, Southern) run as a local program with
 * the text on standard input. The station's default speech engine.
 */
package io.loaxa.audio.espeak;
