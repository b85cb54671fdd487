/**
 * Speech engines the station runs as a local program described in its config: the seam for
 * user-supplied neural Vietnamese voices (Piper and the like), text on standard input, WAV back.
 */
package io.loaxa.audio.command;
