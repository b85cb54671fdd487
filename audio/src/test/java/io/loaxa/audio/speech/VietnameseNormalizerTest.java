package io.loaxa.audio.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the loudspeakers will say for the texts communes write. Each row: the written text | the
 * spoken text ({@code loaxa tts normalize}), sentences joined with " / " where the normaliser cuts a
 * long one for breath.
 */
class VietnameseNormalizerTest {
  private static final VietnameseNormalizer NORTH = VietnameseNormalizer.northern();
  private static final VietnameseNormalizer SOUTH = new VietnameseNormalizer(Region.SOUTH, AbbreviationDictionary.defaults());

  private static String spoken(VietnameseNormalizer normalizer, String written) {
    return normalizer.spoken(written).replace("\n", " / ");
  }

  /** cardinal numbers: 21 hai mươi mốt, 105 một trăm linh năm, 2024 … không trăm hai mươi tư. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      0 | không.
      1 | một.
      5 | năm.
      10 | mười.
      11 | mười một.
      14 | mười bốn.
      15 | mười lăm.
      20 | hai mươi.
      21 | hai mươi mốt.
      24 | hai mươi tư.
      25 | hai mươi lăm.
      55 | năm mươi lăm.
      100 | một trăm.
      101 | một trăm linh một.
      105 | một trăm linh năm.
      110 | một trăm mười.
      115 | một trăm mười lăm.
      121 | một trăm hai mươi mốt.
      200 | hai trăm.
      205 | hai trăm linh năm.
      999 | chín trăm chín mươi chín.
      1000 | một nghìn.
      1005 | một nghìn không trăm linh năm.
      1010 | một nghìn không trăm mười.
      1100 | một nghìn một trăm.
      2018 | hai nghìn không trăm mười tám.
      2024 | hai nghìn không trăm hai mươi tư.
      2025 | hai nghìn không trăm hai mươi lăm.
      10000 | mười nghìn.
      15000 | mười lăm nghìn.
      21000 | hai mươi mốt nghìn.
      100000 | một trăm nghìn.
      105000 | một trăm linh năm nghìn.
      1000000 | một triệu.
      1000005 | một triệu không trăm linh năm.
      1250000 | một triệu hai trăm năm mươi nghìn.
      2500000000 | hai tỷ năm trăm triệu.
      1000000000 | một tỷ.
      """)
  void readsCardinalNumbersWithMotLamTuLinhAndKhongTram(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** "." groups thousands, "," is the decimal point, % is phần trăm, a leading zero is read digit by digit. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      1.000 | một nghìn.
      1.250.000 | một triệu hai trăm năm mươi nghìn.
      12.345.678 | mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám.
      3,5 | ba phẩy năm.
      0,5 | không phẩy năm.
      12,75 | mười hai phẩy bảy mươi lăm.
      3,05 | ba phẩy không năm.
      100% | một trăm phần trăm.
      3,5% | ba phẩy năm phần trăm.
      95-100% | chín mươi lăm đến một trăm phần trăm.
      số 06 | số sáu.
      0912345678 | không chín một hai ba bốn năm sáu bảy tám.
      """)
  void readsNumbersWrittenTheVietnameseWay(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** dates: dd/mm/yyyy, dd/mm, ngày 10-10, months (tháng tư), quarters. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      25/01/2022 | ngày hai mươi lăm tháng một năm hai nghìn không trăm hai mươi hai.
      ngày 25/01/2022 | ngày hai mươi lăm tháng một năm hai nghìn không trăm hai mươi hai.
      01/4/2024 | ngày một tháng tư năm hai nghìn không trăm hai mươi tư.
      31/12/2021 | ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi mốt.
      15/3 | ngày mười lăm tháng ba.
      ngày 15/3 | ngày mười lăm tháng ba.
      ngày 10-10 | ngày mười tháng mười.
      tháng 11 năm 2024 | tháng mười một năm hai nghìn không trăm hai mươi tư.
      tháng 4 | tháng tư.
      tháng 01 | tháng một.
      tháng 11/2024 | tháng mười một năm hai nghìn không trăm hai mươi tư.
      Quý IV/2024 | Quý bốn năm hai nghìn không trăm hai mươi tư.
      quý I | quý một.
      quý II | quý hai.
      quý III | quý ba.
      6 tháng đầu năm | sáu tháng đầu năm.
      """)
  void readsDatesAsAnAnnouncerWould(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** times: 18:15, 7h30, 7h, 7g30. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      18:15 | mười tám giờ mười lăm phút.
      18:00 | mười tám giờ.
      05:30 | năm giờ ba mươi phút.
      7h30 | bảy giờ ba mươi phút.
      7h | bảy giờ.
      18h15 | mười tám giờ mười lăm phút.
      7g30 | bảy giờ ba mươi phút.
      18:15:30 | mười tám giờ mười lăm phút ba mươi giây.
      """)
  void readsTimesOfDay(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** ranges: a dash between numbers is đến. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      2021-2030 | hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi.
      2021 - 2030 | hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi.
      2021–2030 | hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi.
      giai đoạn 2021-2025 | giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm.
      7h30-11h | bảy giờ ba mươi phút đến mười một giờ.
      từ 25/01/2022 - 30/01/2022 | từ ngày hai mươi lăm tháng một năm hai nghìn không trăm hai mươi hai đến ngày ba mươi tháng một năm hai nghìn không trăm hai mươi hai.
      """)
  void readsRangesWithDen(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** ordinals and Roman numerals. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      thứ 2 | thứ hai.
      thứ 4 | thứ tư.
      lần thứ 1 | lần thứ nhất.
      lần thứ 14 | lần thứ mười bốn.
      Thứ 7 | Thứ bảy.
      Đại hội XIII | Đại hội mười ba.
      khóa XV | khóa mười lăm.
      thế kỷ XXI | thế kỷ hai mươi mốt.
      """)
  void readsOrdinalsAndRomanNumerals(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** abbreviations from the built-in administrative dictionary; unknown ones spelled with Vietnamese letter names. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      UBND xã Tân Hưng | Ủy ban nhân dân xã Tân Hưng.
      HĐND | Hội đồng nhân dân.
      CCHC | cải cách hành chính.
      TTHC | thủ tục hành chính.
      CBCCVC | cán bộ, công chức, viên chức.
      UBMTTQVN | Ủy ban Mặt trận Tổ quốc Việt Nam.
      VH-XH | văn hóa, xã hội.
      KT-XH | kinh tế, xã hội.
      PCTT&TKCN | phòng chống thiên tai và tìm kiếm cứu nạn.
      TN&TKQ | tiếp nhận và trả kết quả.
      Đ/c Chủ tịch | đồng chí Chủ tịch.
      TP. Hồ Chí Minh | thành phố Hồ Chí Minh.
      PAR INDEX | pa in-đếch.
      Sipas | xi-pát.
      PCI | pê xê i.
      BTC | bê tê xê.
      Khu B | Khu bê.
      06/QĐ-UBND | sáu quyết định Ủy ban nhân dân.
      26/CT-TTg | hai mươi sáu chỉ thị Thủ tướng.
      """)
  void expandsAdministrativeAbbreviations(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** units after numbers, money, web addresses, dashes between words. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      150mm | một trăm năm mươi mi-li-mét.
      25°C | hai mươi lăm độ xê.
      2 ha | hai héc-ta.
      50 km/h | năm mươi ki-lô-mét một giờ.
      120 m2 | một trăm hai mươi mét vuông.
      500.000đ | năm trăm nghìn đồng.
      dichvucong.gov.vn | dichvucong chấm giê o vê chấm vê en-nờ.
      Độc lập – Tự do – Hạnh phúc | Độc lập, Tự do, Hạnh phúc.
      """)
  void readsUnitsSymbolsAndAddresses(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** Whole sentences from the commune CCHC plans the station airs (shared seeds 000–004). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      Thực hiện Quyết định số 06/QĐ-UBND ngày 25/01/2022 của UBND xã Tân Liên về việc ban hành kế hoạch cải cách hành chính xã Tân Liên năm 2022. | Thực hiện Quyết định số sáu quyết định Ủy ban nhân dân ngày hai mươi lăm tháng một năm hai nghìn không trăm hai mươi hai, / của Ủy ban nhân dân xã Tân Liên về việc ban hành kế hoạch cải cách hành chính xã Tân Liên năm hai nghìn không trăm hai mươi hai.
      Thực hiện Kế hoạch số 4911/KH-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh Thanh Hoá về công tác cải cách hành chính năm 2021. | Thực hiện Kế hoạch số bốn nghìn chín trăm mười một kế hoạch Ủy ban nhân dân ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi, / của Ủy ban nhân dân tỉnh Thanh Hoá về công tác cải cách hành chính năm hai nghìn không trăm hai mươi mốt.
      Công tác tuyên truyền CCHC trên địa bàn xã Tân Hưng năm 2024. | Công tác tuyên truyền cải cách hành chính trên địa bàn xã Tân Hưng năm hai nghìn không trăm hai mươi tư.
      Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 của Chính phủ. | Chương trình tổng thể cải cách hành chính nhà nước giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi của Chính phủ.
      Kế hoạch CCHC giai đoạn 2021 -2030 trên địa bàn xã, Kế hoạch CCHC của xã năm 2024; | Kế hoạch cải cách hành chính giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi trên địa bàn xã, / Kế hoạch cải cách hành chính của xã năm hai nghìn không trăm hai mươi tư.
      Kế hoạch được triển khai, tổ chức thực hiện tại 100% các ngành chuyên môn, các ấp. | Kế hoạch được triển khai, tổ chức thực hiện tại một trăm phần trăm các ngành chuyên môn, các ấp.
      Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và các Chỉ số khác. | Chỉ số năng lực cạnh tranh cấp tỉnh, pê xê i, và các Chỉ số khác.
      Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính, dịch vụ công mức độ 3,4; cải cách tổ chức bộ máy hành chính nhà nước. | Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính, dịch vụ công mức độ ba và bốn; cải cách tổ chức bộ máy hành chính nhà nước.
      Thực hiện Kế hoạch số 181/KH-UBND ngày 31/01/2024 của UBND thị xã Quảng Trị về việc tuyên truyền cải cách hành chính năm 2024. | Thực hiện Kế hoạch số một trăm tám mươi mốt kế hoạch Ủy ban nhân dân ngày ba mươi mốt tháng một năm hai nghìn không trăm hai mươi tư, / của Ủy ban nhân dân thị xã Quảng Trị về việc tuyên truyền cải cách hành chính năm hai nghìn không trăm hai mươi tư.
      Hưởng ứng Ngày Chuyển đổi số quốc gia 10-10. | Hưởng ứng Ngày Chuyển đổi số quốc gia ngày mười tháng mười.
      Tổ chức tuyên truyền trên hệ thống loa truyền thanh của xã ít nhất 01 lần/tháng vào khung giờ có đông người nghe. | Tổ chức tuyên truyền trên hệ thống loa truyền thanh của xã ít nhất một lần mỗi tháng vào khung giờ có đông người nghe.
      Nâng cao các chỉ số PAR INDEX, SIPAS, PAPI, PCI, DDCI, DTI và ICT của tỉnh. | Nâng cao các chỉ số pa in-đếch, xi-pát, pa-pi, pê xê i, đê đê xê i, đê tê i và i xê tê của tỉnh.
      Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030. | Đề án sáu về phát triển ứng dụng dữ liệu dân cư, / định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn hai nghìn không trăm hai mươi hai đến hai nghìn không trăm hai mươi lăm, / tầm nhìn đến năm hai nghìn không trăm ba mươi.
      Thực hiện Kế hoạch số 115/KH-UBNDngày 19/4/2024 của UBND huyện Dương Minh Châu. | Thực hiện Kế hoạch số một trăm mười lăm kế hoạch Ủy ban nhân dân ngày mười chín tháng tư năm hai nghìn không trăm hai mươi tư của Ủy ban nhân dân huyện Dương Minh Châu.
      Quyết định số 28/QĐ-TTg của Thủ tướng Chính phủ. | Quyết định số hai mươi tám quyết định Thủ tướng của Thủ tướng Chính phủ.
      Báo cáo kết quả thực hiện quý III/2024 gửi về Văn phòng HĐND và UBND xã trước ngày 15/9/2024. | Báo cáo kết quả thực hiện quý ba năm hai nghìn không trăm hai mươi tư gửi về Văn phòng Hội đồng nhân dân, / và Ủy ban nhân dân xã trước ngày mười lăm tháng chín năm hai nghìn không trăm hai mươi tư.
      """)
  void readsSentencesFromCommunePlans(String written, String expected) {
    assertEquals(expected, spoken(NORTH, written));
  }

  /** A Southern station hears ngàn and lẻ. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      1.005 | một ngàn không trăm lẻ năm.
      101 | một trăm lẻ một.
      1.105.000 | một triệu một trăm lẻ năm ngàn.
      2.024.005 | hai triệu không trăm hai mươi tư ngàn không trăm lẻ năm.
      ngày 15/3/2024 | ngày mười lăm tháng ba năm hai ngàn không trăm hai mươi tư.
      """)
  void readsNumbersTheSouthernWayForASouthernStation(String written, String expected) {
    assertEquals(expected, spoken(SOUTH, written));
  }
}
