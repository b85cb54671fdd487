package io.loaxa.audio;

import java.util.List;

/**
 * A source that reads through another and changes what it reads (its level, its length, its
 * format): the other's dropouts are its dropouts, and closing it closes the other.
 */
abstract class FilterSource implements PcmSource {
  protected final PcmSource inner;

  protected FilterSource(PcmSource inner) {
    this.inner = inner;
  }

  /** The format of what is read through; a filter that converts says its own. */
  @Override
  public PcmFormat format() {
    return inner.format();
  }

  @Override
  public final List<Gap> dropouts() {
    return inner.dropouts();
  }

  @Override
  public final void close() {
    inner.close();
  }
}
