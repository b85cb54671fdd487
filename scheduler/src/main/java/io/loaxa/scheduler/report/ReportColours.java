package io.loaxa.scheduler.report;

/**
 * The colour of each category in charts, the same in Excel and PDF: the CCHC line (always first) in
 * a strong blue, the others from a palette that stays readable when printed in grey.
 */
public final class ReportColours {
  private static final int[] PALETTE = {
      0x1F4E9A, 0xE07B24, 0x3A9A4A, 0xC0392B, 0x8E6BB8, 0x8C6D3F, 0xD46BA6, 0x7F8C8D, 0xB5B82E, 0x23A7B8};

  private ReportColours() {}

  /** The colour (0xRRGGBB) of the category at {@code index} in the report's category order. */
  public static int category(int index) {
    return PALETTE[index % PALETTE.length];
  }
}
