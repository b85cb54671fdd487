package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's own abbreviation file: editable, checked line by line, layered over the defaults. */
class AbbreviationDictionaryTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("tu-viet-tat.txt");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aStationReadsTtAsThiTranWhereTheDefaultsLeaveItSpelled() throws Exception {
    AbbreviationDictionary station = AbbreviationDictionary.load(file("# thị trấn của huyện\nTT = thị trấn\n\nUBND = Ủy ban\n"));
    VietnameseNormalizer normalizer = new VietnameseNormalizer(Region.NORTH, AbbreviationDictionary.defaults().overriddenBy(station));
    assertEquals("Ủy ban thị trấn Phan, phòng cháy chữa cháy.", normalizer.spoken("UBND TT Phan, PCCC."));
    assertEquals("tê tê Phan.", VietnameseNormalizer.northern().spoken("TT Phan."));
  }

  @Test
  void matchesWholeWordsOnlyAndIgnoresCase() {
    AbbreviationDictionary d = AbbreviationDictionary.of(java.util.Map.of("KH", "kế hoạch"));
    assertEquals("kế hoạch, Kh2 và KHO", d.expand("kh, Kh2 và KHO"));
  }

  @Test
  void aLineWithoutEqualsIsReportedWithFileLineAndColumn() throws Exception {
    Path f = file("UBND = Ủy ban nhân dân\nCCHC cải cách hành chính\n");
    DictionaryException e = assertThrows(DictionaryException.class, () -> AbbreviationDictionary.load(f));
    assertEquals(f + ":2:1: expected 'ABBREVIATION = words', found 'CCHC cải cách hành chính'", e.getMessage());
  }

  @Test
  void anEntryWithNoWordsIsReportedAtTheMissingWords() throws Exception {
    Path f = file("\nTT =   \n");
    DictionaryException e = assertThrows(DictionaryException.class, () -> AbbreviationDictionary.load(f));
    assertEquals(f + ":2:5: 'TT' has no words after '='", e.getMessage());
  }

  @Test
  void aKeyDefinedTwiceNamesBothLines() throws Exception {
    Path f = file("TT = thị trấn\ntt = thông tư\n");
    DictionaryException e = assertThrows(DictionaryException.class, () -> AbbreviationDictionary.load(f));
    assertEquals(f + ":2:1: 'tt' is already defined on line 1", e.getMessage());
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedPlainly() throws Exception {
    Path f = dir.resolve("latin1.txt");
    Files.write(f, "TT = th\u1ecb tr\u1ea5n".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(f, new byte[] {'T', 'T', ' ', '=', ' ', (byte) 0xE9, (byte) 0x20});
    DictionaryException e = assertThrows(DictionaryException.class, () -> AbbreviationDictionary.load(f));
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("none.txt");
    DictionaryException e = assertThrows(DictionaryException.class, () -> AbbreviationDictionary.load(f));
    assertTrue(e.getMessage().startsWith(f + ": cannot read the speech dictionary"), e.getMessage());
  }

  @Test
  void theDefaultsHoldTheAdministrativeAbbreviationsOfTheReference() {
    AbbreviationDictionary d = AbbreviationDictionary.defaults();
    for (String key : new String[] {"UBND", "HĐND", "CCHC", "TTHC", "HCNN", "CBCC", "CBCCVC", "UBMTTQVN", "MTTQ", "VHTT",
        "VH-XH", "KT-XH", "DVC", "CĐS", "PCTT", "TKCN", "PCCC", "BHYT", "BHXH", "CCCD", "TN&TKQ", "KH", "QĐ", "NQ", "TW",
        "PAR INDEX", "SIPAS", "PAPI", "PCI", "DDCI", "DTI", "ICT"}) {
      assertTrue(d.has(key), key);
    }
  }
}
