package io.loaxa.devices;

/** One relay on a board, numbered as printed on the board: 1..n. */
public record RelayChannel(int number) {
  public RelayChannel {
    if (number < 1 || number > 256) {
      throw new IllegalArgumentException("relay channel out of range 1..256: " + number);
    }
  }

  @Override
  public String toString() {
    return "CH" + number;
  }
}
