/**
 * Ogg Vorbis recordings in the content library, decoded by JOrbis, a pure-Java Vorbis decoder,
 * with the Ogg container checked page by page so a damaged or cut-short file is refused when it is
 * rendered ahead of air time. The only package that imports JOrbis.
 */
package io.loaxa.audio.jorbis;
