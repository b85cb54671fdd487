package io.loaxa.schedules.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files people write are read as strict UTF-8, and every other file is refused in words they can act on. */
class TextFilesTest {
  @TempDir
  Path dir;

  private static Problem refusal(byte[] bytes) {
    SourceException e = assertThrows(SourceException.class, () -> TextFiles.decode(bytes, "lich.yaml"));
    assertEquals(1, e.problems().size());
    return e.problems().get(0);
  }

  @Test
  void vietnameseTextInUtf8ReadsAsWritten() throws SourceException {
    assertEquals("Ấp 1: thông báo\n", TextFiles.decode("Ấp 1: thông báo\n".getBytes(StandardCharsets.UTF_8), "f.txt"));
  }

  @Test
  void aByteOrderMarkIsDropped() throws SourceException {
    byte[] text = "version: 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    assertEquals("version: 1\n", TextFiles.decode(withBom, "f.yaml"));
  }

  @Test
  void aFileSavedInWindows1258IsRefusedWithItsLineByteAndValue() {
    // "programmes:\n  - title: Thông báo" with ô written as one Latin-1 byte 0xF4, as an old editor saves it
    byte[] ascii = "version: 1\nprogrammes:\n  - title: Th".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[ascii.length + 8];
    System.arraycopy(ascii, 0, bytes, 0, ascii.length);
    bytes[ascii.length] = (byte) 0xF4;
    System.arraycopy("ng b\u00e1o".getBytes(StandardCharsets.US_ASCII), 0, bytes, ascii.length + 1, 4);
    Problem p = refusal(bytes);
    assertEquals(new Position("lich.yaml", 3, 14), p.at());
    assertEquals("không phải UTF-8 ở dòng 3, byte " + (ascii.length + 1) + " (0xF4): lưu tệp dưới dạng UTF-8 (not UTF-8 at line 3, byte "
        + (ascii.length + 1) + " of the file [0xF4]: save the file as UTF-8)", p.message());
  }

  @Test
  void theColumnCountsVietnameseLettersAsOneEach() {
    byte[] head = "tên: Ấp ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9;
    assertEquals(new Position("lich.yaml", 1, 9), refusal(bytes).at());
  }

  @Test
  void aTruncatedLetterAtTheEndIsRefused() {
    byte[] full = "Ấp".getBytes(StandardCharsets.UTF_8);
    Problem p = refusal(new byte[] {full[0], full[1]});
    assertTrue(p.message().contains("(0xE1)"), p.message());
  }

  @Test
  void aUtf16FileIsToldToBeSavedAsUtf8() {
    assertTrue(refusal(new byte[] {(byte) 0xFF, (byte) 0xFE, 'v', 0}).message().contains("UTF-16"));
  }

  @Test
  void aFileOverFourMegabytesIsRefusedUnread() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[SourceLimits.MAX_FILE_BYTES + 1]);
    SourceException e = assertThrows(SourceException.class, () -> TextFiles.read(big, "big.yaml"));
    assertTrue(e.getMessage().startsWith("big.yaml:1:1: tệp quá lớn"), e.getMessage());
  }

  @Test
  void aMissingFileAMissingFolderAndAFolderAreEachNamed() {
    List<String> said = List.of(dir.resolve("none.yaml"), dir.resolve("no-folder/none.yaml"), dir).stream()
        .map(p -> assertThrows(UnreadableFileException.class, () -> TextFiles.read(p, p.getFileName().toString())).getMessage())
        .toList();
    assertTrue(said.get(0).startsWith("không có tệp none.yaml"), said.get(0));
    assertTrue(said.get(1).startsWith("không có tệp none.yaml: không có thư mục " + dir.resolve("no-folder")), said.get(1));
    assertTrue(said.get(2).contains("là một thư mục, không phải tệp"), said.get(2));
    said.forEach(s -> assertTrue(!s.contains("Exception") && !s.contains("java."), s));
  }
}
