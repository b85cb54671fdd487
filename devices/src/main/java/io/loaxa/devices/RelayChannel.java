package io.loaxa.devices;

/** One relay on a board, numbered as printed on the board: 1..n. */
public record RelayChannel(int number) implements Comparable<RelayChannel> {
  public RelayChannel {
    if (number < 1 || number > 256) {
      throw new IllegalArgumentException("relay channel out of range 1..256: " + number);
    }
  }

  /** Throws {@link IllegalArgumentException} when this channel is beyond a board with {@code channels} relays. */
  public RelayChannel requireOn(String boardKey, int channels) {
    if (number > channels) {
      throw new IllegalArgumentException(this + " beyond board " + boardKey + " with " + channels + " channels");
    }
    return this;
  }

  @Override
  public int compareTo(RelayChannel other) {
    return Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "CH" + number;
  }
}
