package io.loaxa.scheduler.web;

import java.util.Optional;

/**
 * What a recording is, told from its first bytes and never from its name: a text file renamed
 * {@code .mp3} is not a recording.
 */
enum AudioKind {
  WAV("wav", "audio/wav"),
  MP3("mp3", "audio/mpeg"),
  OGG("ogg", "audio/ogg"),
  FLAC("flac", "audio/flac");

  /** How many bytes {@link #sniff} needs at most, beyond an ID3 tag. */
  static final int HEAD = 16;

  final String extension;
  final String contentType;

  AudioKind(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The size of the ID3v2 tag at the start of {@code head} (header included); 0 when there is none. */
  static int id3Length(byte[] head) {
    if (head.length < 10 || head[0] != 'I' || head[1] != 'D' || head[2] != '3') {
      return 0;
    }
    int size = 0;
    for (int i = 6; i < 10; i++) {
      if ((head[i] & 0x80) != 0) {
        return 0; // not syncsafe: not an ID3 tag
      }
      size = (size << 7) | (head[i] & 0x7f);
    }
    boolean footer = (head[5] & 0x10) != 0;
    return 10 + size + (footer ? 10 : 0);
  }

  /** The kind of the audio whose first bytes (after any ID3 tag) are {@code head}; empty when it is none of them. */
  static Optional<AudioKind> sniff(byte[] head) {
    if (head.length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
      return Optional.of(WAV);
    }
    if (head.length >= 4 && ascii(head, 0, "OggS")) {
      return Optional.of(OGG);
    }
    if (head.length >= 4 && ascii(head, 0, "fLaC")) {
      return Optional.of(FLAC);
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0) {
      int version = (head[1] >> 3) & 0x3;
      int layer = (head[1] >> 1) & 0x3;
      int bitrate = (head[2] >> 4) & 0xf;
      int rate = (head[2] >> 2) & 0x3;
      if (version != 1 && layer != 0 && bitrate != 0xf && rate != 3) {
        return Optional.of(MP3);
      }
    }
    return Optional.empty();
  }

  private static boolean ascii(byte[] b, int at, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (b[at + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
