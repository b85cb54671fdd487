package io.loaxa.schedules.source;

/**
 * How much of a file a person wrote the station will read: past any of these the file is refused
 * with one positioned problem, never read until memory or the stack runs out. Far above any real
 * station config, schedule or notice; a hand-written file never meets them.
 */
public final class SourceLimits {
  /** Bytes of one text file (a schedule, a station config, a notice to speak): 4 MiB. */
  public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
  /** Characters of one YAML document. */
  public static final int MAX_DOCUMENT_CHARS = 2_000_000;
  /** Mappings and lists inside one another. */
  public static final int MAX_NESTING = 64;
  /** Uses of an anchor ({@code *name}) in one document. */
  public static final int MAX_ALIASES = 50;
  /** Keys, values and items in one document once every alias is expanded. */
  public static final int MAX_VALUES = 200_000;
  /** Characters of one value. */
  public static final int MAX_VALUE_CHARS = 65_536;

  private SourceLimits() {}
}
