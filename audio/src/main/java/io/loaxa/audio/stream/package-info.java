/**
 * Rebroadcast (tiếp âm): a provincial or national station's live MP3 stream over HTTP/Icecast,
 * fetched with the JDK's HTTP client, buffered ahead of air time and aired for exactly the
 * programme's length, reconnecting and filling with silence when the stream drops.
 */
package io.loaxa.audio.stream;
