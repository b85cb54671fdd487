/**
 * Vietnamese speech for the station: the normaliser that writes a notice the way it must sound
 * (numbers, dates, times, abbreviations from the station's dictionary, sentences and pauses), the
 * renderer that turns texts into finished PCM ahead of air time and keeps it in the render cache,
 * the engine fallback, the WAV codec and the safe process runner the engine adapters share.
 */
package io.loaxa.audio.speech;
