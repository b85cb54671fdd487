package io.loaxa.schedules.source;

import io.loaxa.schedules.Bilingual;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the text files people write for the station (schedule, station config, notices to speak):
 * strict UTF-8, a leading byte-order mark accepted, at most {@link SourceLimits#MAX_FILE_BYTES}. A
 * byte that is not UTF-8 is refused with its line, its offset and its value, and what to do about it,
 * instead of Java's "Input length = 1".
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The text of {@code path}; {@code file} names it in problems (usually the path as typed).
   *
   * @throws UnreadableFileException when the file cannot be opened: missing, a folder, not allowed
   * @throws SourceException when it is too large or not UTF-8
   */
  public static String read(Path path, String file) throws UnreadableFileException, SourceException {
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        throw new UnreadableFileException(Bilingual.of(file + " là một thư mục, không phải tệp", file + " is a folder, not a file"), null);
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes(SourceLimits.MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UnreadableFileException(Bilingual.of("không có tệp " + file + ": không có thư mục " + parent, "no such file: " + file
            + ": the folder " + parent + " does not exist"), e);
      }
      throw new UnreadableFileException(Bilingual.of("không có tệp " + file, "no such file: " + file), e);
    } catch (AccessDeniedException e) {
      throw new UnreadableFileException(Bilingual.of("không có quyền đọc " + file, "not allowed to read " + file), e);
    } catch (UnreadableFileException e) {
      throw e;
    } catch (IOException e) {
      throw new UnreadableFileException(Bilingual.of("không đọc được " + file + (Files.isRegularFile(path) ? "" : ": đây không phải một tệp thường"),
          "cannot read " + file + (Files.isRegularFile(path) ? "" : ": it is not a regular file")), e);
    }
    if (bytes.length > SourceLimits.MAX_FILE_BYTES) {
      throw new SourceException(List.of(new Problem(new Position(file, 1, 1), Bilingual.of(
          String.format("tệp quá lớn: hơn %,d byte (4 MB); tệp của đài không bao giờ lớn như vậy", SourceLimits.MAX_FILE_BYTES),
          String.format("the file is larger than %,d bytes (4 MB); a station file is never that big", SourceLimits.MAX_FILE_BYTES)))));
    }
    return decode(bytes, file);
  }

  /**
   * {@code bytes} as strict UTF-8 without its byte-order mark.
   *
   * @throws SourceException at the first byte that is not UTF-8, or when the text is UTF-16
   */
  public static String decode(byte[] bytes, String file) throws SourceException {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
      throw new SourceException(List.of(new Problem(new Position(file, 1, 1),
          Bilingual.of("tệp được lưu dưới dạng UTF-16: lưu lại dưới dạng UTF-8", "the file is saved as UTF-16: save it as UTF-8"))));
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw notUtf8(bytes, in.position(), out.flip(), file);
    }
    return out.flip().toString();
  }

  private static SourceException notUtf8(byte[] bytes, int offset, CharBuffer decoded, String file) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.length(); i++) {
      if (decoded.charAt(i) == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(decoded.charAt(i))) {
        column++;
      }
    }
    String hex = String.format("0x%02X", bytes[offset] & 0xFF);
    String message = Bilingual.of("không phải UTF-8 ở dòng " + line + ", byte " + (offset + 1) + " (" + hex + "): lưu tệp dưới dạng UTF-8",
        "not UTF-8 at line " + line + ", byte " + (offset + 1) + " of the file (" + hex + "): save the file as UTF-8");
    return new SourceException(List.of(new Problem(new Position(file, line, column), message)));
  }
}
