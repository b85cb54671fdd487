package io.loaxa.audio;

/**
 * The ID3v2 tag taggers put in front of MP3 (and some FLAC) recordings: its size is checked against
 * the bytes present before anything looks behind it, so a file that merely starts with "ID3" is
 * refused for what it claims, not searched for audio gigabytes past its end.
 */
public final class Id3v2Tag {
  private static final String[] WHAT = {"thẻ ID3v2 ở đầu tệp", "the ID3v2 tag at its start"};

  private Id3v2Tag() {}

  /** Whether the bytes start with the three letters of an ID3v2 tag. */
  public static boolean startsWithTag(byte[] data) {
    return data.length >= 3 && data[0] == 'I' && data[1] == 'D' && data[2] == '3';
  }

  /**
   * Where the audio starts: after the tag (and its footer), or 0 when there is no tag.
   *
   * @throws AudioException when the tag claims more bytes than the file holds, or is no ID3v2 tag
   */
  public static int end(byte[] data, String name) throws AudioException {
    if (!startsWithTag(data)) {
      return 0;
    }
    if (data.length < 10) {
      throw AudioLimits.claimBeyondFile(name, WHAT, 10, data.length);
    }
    // the size is "synchsafe": four 7-bit groups; a set high bit means these are not ID3v2 bytes
    long size = (data[6] & 0x7FL) << 21 | (data[7] & 0x7FL) << 14 | (data[8] & 0x7FL) << 7 | (data[9] & 0x7FL);
    long claimed = 10 + size + ((data[5] & 0x10) != 0 ? 10 : 0);
    AudioLimits.checkClaim(name, WHAT, claimed, 0, data.length);
    int major = data[3] & 0xFF;
    boolean synchsafe = ((data[6] | data[7] | data[8] | data[9]) & 0x80) == 0;
    if (major < 2 || major > 4 || (data[4] & 0xFF) == 0xFF || !synchsafe) {
      throw AudioLimits.refusal("tệp " + name + " bắt đầu bằng \"ID3\" nhưng không phải thẻ ID3v2 hợp lệ",
          "file " + name + " starts with \"ID3\" but holds no valid ID3v2 tag");
    }
    return (int) claimed;
  }
}
