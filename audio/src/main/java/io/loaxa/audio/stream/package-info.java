/**
 * Rebroadcast (tiếp âm): a provincial or national station's live MP3 stream over HTTP/Icecast,
 * fetched over a plain (or TLS) socket with the answer's head read within bounds ({@link
 * io.loaxa.audio.stream.StreamHead}) and Icecast metadata taken out, buffered ahead of air time and aired for exactly the
 * programme's length, reconnecting and filling with silence when the stream drops.
 */
package io.loaxa.audio.stream;
