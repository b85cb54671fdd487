/**
 * A sound output that plays nothing and only keeps time: for demo runs without a sound card and for
 * component tests of the airing runner on a mutable clock.
 */
package io.loaxa.audio.simulated;
