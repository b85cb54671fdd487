package io.loaxa.audio.stream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An Icecast/SHOUTcast body with its metadata blocks taken out, leaving the MP3 bytes: after every
 * {@code metaint} bytes of audio comes one length byte and that many 16-byte blocks of text
 * ({@code StreamTitle='…';}), 4,080 bytes at most. A stream that ends inside a block ends there.
 */
final class IcyMetadataStream extends FilterInputStream {
  private final int metaint;
  private int audioLeft;
  private long metadataBytes;

  IcyMetadataStream(InputStream in, int metaint) {
    super(in);
    if (metaint < 1 || metaint > StreamHead.MAX_METAINT) {
      throw new IllegalArgumentException("metaint out of range: " + metaint);
    }
    this.metaint = metaint;
    this.audioLeft = metaint;
  }

  /** Bytes of metadata taken out so far, length bytes included. */
  long metadataBytes() {
    return metadataBytes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (audioLeft == 0 && !skipMetadata()) {
      return -1;
    }
    int n = in.read(b, off, Math.min(len, audioLeft));
    if (n > 0) {
      audioLeft -= n;
    }
    return n;
  }

  private boolean skipMetadata() throws IOException {
    int blocks = in.read();
    if (blocks < 0) {
      return false;
    }
    int length = blocks * 16;
    byte[] text = in.readNBytes(length);
    metadataBytes += 1 + text.length;
    if (text.length < length) {
      return false;
    }
    audioLeft = metaint;
    return true;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] junk = new byte[(int) Math.min(n, 8192)];
    int got = read(junk, 0, junk.length);
    return Math.max(0, got);
  }

  @Override
  public int available() {
    return 0;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
