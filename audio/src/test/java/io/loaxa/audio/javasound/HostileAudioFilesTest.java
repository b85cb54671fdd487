package io.loaxa.audio.javasound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.audio.AudioException;
import io.loaxa.audio.AudioLimits;
import io.loaxa.audio.PcmClip;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made hostile files, one per limit: each is refused with one sentence that names the file and
 * the limit, Vietnamese first and English in parentheses, and never with Java's words.
 */
class HostileAudioFilesTest {
  @TempDir
  Path dir;

  /** A canonical 44-byte-header PCM WAV; {@code dataClaim} is what its data chunk says it holds. */
  static byte[] wav(int rate, int channels, int bits, long dataClaim, int dataPresent) {
    ByteBuffer b = ByteBuffer.allocate(44 + dataPresent).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataPresent));
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8);
    b.putShort((short) (channels * bits / 8)).putShort((short) bits);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataClaim);
    return b.array();
  }

  private static AudioException refused(byte[] bytes, String name) {
    return assertThrows(AudioException.class, () -> JavaSoundFiles.decode(bytes, name));
  }

  private static void inOperatorWords(AudioException e, String name, String... words) {
    String m = e.getMessage();
    assertTrue(m.startsWith("tệp") || m.startsWith("giải mã"), "Vietnamese first: " + m);
    assertTrue(m.contains(name) && m.endsWith(")") && m.contains(" (file " + name), "names the file twice: " + m);
    for (String w : words) {
      assertTrue(m.contains(w), "says " + w + ": " + m);
    }
    assertFalse(m.matches(".*(Exception|java\\.|\\bat [a-z]+\\.).*"), "Java's words: " + m);
  }

  @Test
  void aTextFileFullOfId3IsRefusedForTheTagItClaimsNotForAFrameGigabytesAway() {
    byte[] text = "ID3".repeat(967).substring(0, 2900).getBytes(StandardCharsets.US_ASCII);
    AudioException e = refused(text, "ghi-chu.mp3");
    inOperatorWords(e, "ghi-chu.mp3", "thẻ ID3v2", "chỉ còn 2.900 byte", "only 2,900 bytes are left");
    assertFalse(e.getMessage().contains("frame"), e.getMessage());
  }

  @Test
  void aWavClaimingFourGibibytesOfDataIsRefusedWithBothFigures() {
    AudioException e = refused(wav(8000, 1, 16, 0xFFFFFFFFL, 2856), "bantin.wav");
    inOperatorWords(e, "bantin.wav", "khai báo 4 GiB", "chỉ còn 2.856 byte", "claims 4 GiB but only 2,856 bytes");
  }

  @Test
  void aWavWhoseRiffHeaderClaimsMoreThanTheFileIsRefused() {
    byte[] bytes = wav(8000, 1, 16, 100, 100);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFF000);
    inOperatorWords(refused(bytes, "r.wav"), "r.wav", "phần đầu RIFF", "its RIFF header claims");
  }

  @Test
  void sampleRatesOfZeroAndOneMegahertzAreRefused() {
    inOperatorWords(refused(wav(0, 1, 16, 100, 100), "zero.wav"), "zero.wav", "0 Hz", "8–192 kHz");
    inOperatorWords(refused(wav(1_000_000, 1, 16, 100, 100), "mhz.wav"), "mhz.wav", "1.000.000 Hz", "1,000,000 Hz");
  }

  @Test
  void twoHundredChannelsAreRefused() {
    inOperatorWords(refused(wav(8000, 200, 8, 200, 200), "c.wav"), "c.wav", "200 kênh", "200 channels", "1–8");
    inOperatorWords(refused(wav(8000, 0, 8, 200, 200), "none.wav"), "none.wav", "0 kênh");
  }

  @Test
  void aSmallWellFormedWavStillDecodes() throws AudioException {
    PcmClip clip = JavaSoundFiles.decode(wav(8000, 2, 16, 400, 400), "ok.wav");
    assertEquals(100, clip.frames());
  }

  @Test
  void aFlacWhoseStreamInfoAnnouncesThreeHoursIsRefusedForItsLength() {
    byte[] flac = flac(44_100, 2, 16, 3L * 3600 * 44_100, 34);
    inOperatorWords(refused(flac, "dai.flac"), "dai.flac", "dài 3 giờ 0 phút", "over the 2 h limit");
  }

  @Test
  void aFlacWhoseMetadataBlockClaimsMoreThanTheFileIsRefused() {
    byte[] flac = flac(44_100, 2, 16, 1000, 34);
    byte[] more = java.util.Arrays.copyOf(flac, flac.length + 8);
    more[4] = 0x00; // STREAMINFO is no longer the last block
    more[flac.length] = (byte) 0x84; // a last VORBIS_COMMENT block of 16 MiB
    more[flac.length + 1] = (byte) 0xFF;
    more[flac.length + 2] = (byte) 0xFF;
    more[flac.length + 3] = (byte) 0xFF;
    inOperatorWords(refused(more, "m.flac"), "m.flac", "khối siêu dữ liệu FLAC thứ 2", "16.777.215 byte");
  }

  @Test
  void aFlacAtOneMegahertzIsRefused() {
    inOperatorWords(refused(flac(1_000_000, 1, 16, 1000, 34), "f.flac"), "f.flac", "1.000.000 Hz");
  }

  @Test
  void anOggPageClaimingMoreThanTheFileIsRefusedWithBothFigures() {
    byte[] page = new byte[27 + 2 + 10];
    System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 4);
    page[5] = 2; // first page of the stream
    page[26] = 2;
    page[27] = (byte) 255;
    page[28] = (byte) 255;
    inOperatorWords(refused(page, "o.ogg"), "o.ogg", "trang Ogg ở byte 0", "khai báo 539 byte", "only 39 bytes");
  }

  @Test
  void aFileOverOneGibibyteIsRefusedBeforeItIsRead() throws Exception {
    Path big = dir.resolve("lon.wav");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(AudioLimits.MAX_FILE_BYTES + 1); // sparse: nothing is written
    }
    AudioException e = assertThrows(AudioException.class, () -> JavaSoundFiles.decode(big));
    inOperatorWords(e, big.toString(), "quá giới hạn 1 GiB", "over the 1 GiB limit");
  }

  @Test
  void decodingThatTakesLongerThanItsBudgetIsRefused() throws AudioException {
    AtomicLong now = new AtomicLong();
    AudioLimits.DecodeClock clock = new AudioLimits.DecodeClock("cham.flac", now::get);
    now.set(AudioLimits.decodeBudget(60).toNanos());
    clock.check(60);
    now.addAndGet(1);
    AudioException e = assertThrows(AudioException.class, () -> clock.check(60));
    assertTrue(e.getMessage().startsWith("giải mã tệp cham.flac quá lâu: 25,0 giây mới được 60,0 giây"), e.getMessage());
  }

  /** "fLaC" and one STREAMINFO block (marked last), no frames. */
  static byte[] flac(int rate, int channels, int bits, long totalSamples, int blockLength) {
    byte[] b = new byte[8 + 34];
    System.arraycopy("fLaC".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
    b[4] = (byte) 0x80;
    b[7] = (byte) blockLength;
    int s = 8;
    b[s] = 0x10; // min block 4096
    b[s + 2] = 0x10;
    b[s + 10] = (byte) (rate >> 12);
    b[s + 11] = (byte) (rate >> 4);
    b[s + 12] = (byte) ((rate & 0xF) << 4 | (channels - 1) << 1 | ((bits - 1) >> 4));
    b[s + 13] = (byte) (((bits - 1) & 0xF) << 4 | (int) (totalSamples >> 32));
    b[s + 14] = (byte) (totalSamples >> 24);
    b[s + 15] = (byte) (totalSamples >> 16);
    b[s + 16] = (byte) (totalSamples >> 8);
    b[s + 17] = (byte) totalSamples;
    return b;
  }
}
