/**
 * FLAC recordings in the content library, decoded by jFLAC, a pure-Java FLAC decoder, and held
 * against the length and MD5 signature the encoder wrote into the file, so a damaged or cut-short
 * file is refused when it is rendered ahead of air time. The only package that imports jFLAC.
 */
package io.loaxa.audio.jflac;
