/**
 * How the station sounds: PCM clips and streaming sources, decoding of recorded files, resampling,
 * programme assembly (chime, content, outro, gaps, fades, gain) levelled to one station loudness
 * with a BS.1770 meter, and the ports to the sound card output, the line input and rebroadcast
 * streams. Knows nothing of zones, programmes' schedules or time of day: a play is told the instant
 * its first sample must be heard.
 */
package io.loaxa.audio;
