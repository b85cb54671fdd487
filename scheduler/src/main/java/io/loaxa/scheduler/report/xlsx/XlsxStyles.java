package io.loaxa.scheduler.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles a loaxa workbook uses; created once per workbook (Excel limits their number). */
final class XlsxStyles {
  final CellStyle title;
  final CellStyle subtitle;
  final CellStyle heading;
  final CellStyle section;
  final CellStyle text;
  final CellStyle wrap;
  final CellStyle integer;
  final CellStyle minutes;
  final CellStyle dateTime;
  final CellStyle day;
  final CellStyle duration;
  final CellStyle totalLabel;
  final CellStyle totalInteger;
  final CellStyle totalMinutes;
  final CellStyle warn;
  final CellStyle bad;
  final CellStyle good;
  final CellStyle gap;
  final CellStyle future;
  final CellStyle note;

  XlsxStyles(Workbook wb) {
    short dateTimeFormat = wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss");
    short dayFormat = wb.createDataFormat().getFormat("dd/mm/yyyy");
    short durationFormat = wb.createDataFormat().getFormat("[h]:mm:ss");
    short integerFormat = wb.createDataFormat().getFormat("#,##0");
    Font bold = wb.createFont();
    bold.setBold(true);
    Font big = wb.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    Font medium = wb.createFont();
    medium.setBold(true);
    medium.setFontHeightInPoints((short) 12);
    Font grey = wb.createFont();
    grey.setItalic(true);
    grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    Font red = wb.createFont();
    red.setBold(true);
    red.setColor(IndexedColors.DARK_RED.getIndex());

    title = wb.createCellStyle();
    title.setFont(big);
    subtitle = wb.createCellStyle();
    subtitle.setFont(medium);
    section = wb.createCellStyle();
    section.setFont(medium);
    heading = wb.createCellStyle();
    heading.setFont(bold);
    heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    heading.setBorderBottom(BorderStyle.THIN);
    heading.setWrapText(true);
    heading.setVerticalAlignment(VerticalAlignment.CENTER);
    text = wb.createCellStyle();
    text.setVerticalAlignment(VerticalAlignment.TOP);
    wrap = wb.createCellStyle();
    wrap.setWrapText(true);
    wrap.setVerticalAlignment(VerticalAlignment.TOP);
    integer = wb.createCellStyle();
    integer.setDataFormat(integerFormat);
    integer.setVerticalAlignment(VerticalAlignment.TOP);
    minutes = wb.createCellStyle();
    minutes.setDataFormat(integerFormat);
    minutes.setVerticalAlignment(VerticalAlignment.TOP);
    dateTime = wb.createCellStyle();
    dateTime.setDataFormat(dateTimeFormat);
    dateTime.setAlignment(HorizontalAlignment.LEFT);
    dateTime.setVerticalAlignment(VerticalAlignment.TOP);
    day = wb.createCellStyle();
    day.setDataFormat(dayFormat);
    day.setAlignment(HorizontalAlignment.LEFT);
    day.setVerticalAlignment(VerticalAlignment.TOP);
    duration = wb.createCellStyle();
    duration.setDataFormat(durationFormat);
    duration.setVerticalAlignment(VerticalAlignment.TOP);
    totalLabel = wb.createCellStyle();
    totalLabel.setFont(bold);
    totalLabel.setBorderTop(BorderStyle.THIN);
    totalInteger = wb.createCellStyle();
    totalInteger.cloneStyleFrom(integer);
    totalInteger.setFont(bold);
    totalInteger.setBorderTop(BorderStyle.THIN);
    totalMinutes = wb.createCellStyle();
    totalMinutes.cloneStyleFrom(minutes);
    totalMinutes.setFont(bold);
    totalMinutes.setBorderTop(BorderStyle.THIN);
    warn = filled(wb, IndexedColors.LIGHT_YELLOW, null);
    bad = filled(wb, IndexedColors.ROSE, null);
    good = filled(wb, IndexedColors.LIGHT_GREEN, null);
    good.setDataFormat(integerFormat);
    good.setAlignment(HorizontalAlignment.CENTER);
    gap = filled(wb, IndexedColors.CORAL, red);
    gap.setDataFormat(integerFormat);
    gap.setAlignment(HorizontalAlignment.CENTER);
    future = wb.createCellStyle();
    future.setFont(grey);
    future.setAlignment(HorizontalAlignment.CENTER);
    note = wb.createCellStyle();
    note.setFont(grey);
  }

  private static CellStyle filled(Workbook wb, IndexedColors colour, Font font) {
    CellStyle s = wb.createCellStyle();
    s.setFillForegroundColor(colour.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    if (font != null) {
      s.setFont(font);
    }
    return s;
  }
}
