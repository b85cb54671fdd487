package io.loaxa.devices.gsm;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.Pause;
import io.loaxa.devices.SerialLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A USB GSM modem sending SMS in text mode: {@code AT}, {@code ATE0}, {@code AT+CPIN?} (and, when
 * the SIM card waits for it, its PIN once: see {@link SimUnlock}), {@code AT+CMGF=1},
 * {@code AT+CSCS="GSM"} or {@code "UCS2"}, {@code AT+CSMP} (data coding 0 or 8), then per message
 * {@code AT+CMGS="number"}, the {@code > } prompt, the text and Ctrl-Z, answered by
 * {@code +CMGS: <reference>} and {@code OK}, or {@code +CMS ERROR: n} / {@code ERROR}.
 *
 * <p>A refusal or silence during a send is tried again up to {@link Settings#attempts} times, a
 * {@link Settings#retryGap} apart; silence after the prompt is cancelled with ESC so the modem is not
 * left waiting for text. The last failure is thrown: {@link ModemException} with the modem's words,
 * {@link ModemSilentException} when it did not answer at all.
 */
public final class GsmModem implements AutoCloseable {
  private static final byte CTRL_Z = 0x1A;
  private static final byte ESC = 0x1B;
  /**
   * The longest answer line read: the modem's lines for these commands are under 40 characters;
   * one longer is line noise, a wrong baud rate or another device on the port.
   */
  public static final int MOST_LINE = 256;
  /** The most lines one answer may have before its final result ({@code OK}, {@code ERROR}). */
  public static final int MOST_LINES = 32;

  /**
   * @param diacritics keep Vietnamese diacritics (UCS-2, 70 characters a part) instead of GSM 7-bit
   * @param maxParts how many separate messages a long text may become before it is cut
   * @param commandTimeout how long a plain command and the {@code >} prompt may take
   * @param sendTimeout how long the network may take to accept a message (real networks: up to 30 s)
   * @param attempts tries per message, at least 1
   */
  public record Settings(boolean diacritics, int maxParts, Duration commandTimeout, Duration sendTimeout,
      int attempts, Duration retryGap) {
    public static final Settings DEFAULT =
        new Settings(false, 3, Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofSeconds(5));

    public Settings {
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      Objects.requireNonNull(sendTimeout, "sendTimeout");
      Objects.requireNonNull(retryGap, "retryGap");
      if (maxParts < 1 || attempts < 1) {
        throw new IllegalArgumentException("maxParts and attempts must be at least 1");
      }
    }

    public Settings withDiacritics(boolean keep) {
      return new Settings(keep, maxParts, commandTimeout, sendTimeout, attempts, retryGap);
    }
  }

  /** What the modem answered for one message: its reference per part, and the texts as sent. */
  public record Receipt(List<Integer> references, List<String> parts) {
    public Receipt {
      references = List.copyOf(references);
      parts = List.copyOf(parts);
    }
  }

  private final SerialLine line;
  private final Settings settings;
  private final Pause pause;
  private boolean ready;
  private java.util.Optional<SimUnlock> unlock = java.util.Optional.empty();

  public GsmModem(SerialLine line, Settings settings, Pause pause) {
    this.line = Objects.requireNonNull(line, "line");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  public String port() {
    return line.port();
  }

  /**
   * Unlocks the SIM card with {@code unlock}'s PIN when the modem says it waits for one
   * ({@code +CPIN: SIM PIN}); the PIN is sent at most once for the life of {@code unlock}, however
   * many modems are opened with it.
   */
  public synchronized GsmModem unlockingWith(SimUnlock unlock) {
    this.unlock = java.util.Optional.of(Objects.requireNonNull(unlock, "unlock"));
    return this;
  }

  /**
   * Sets the modem up for text mode; done once before the first message, again after a silence.
   *
   * @throws SimLockedException when the SIM card is locked and no try of the PIN is left to this start
   */
  public synchronized void prepare() throws DeviceException {
    line.discardInput();
    command("AT");
    command("ATE0");
    unlockSim();
    command("AT+CMGF=1");
    command(settings.diacritics() ? "AT+CSCS=\"UCS2\"" : "AT+CSCS=\"GSM\"");
    command(settings.diacritics() ? "AT+CSMP=17,167,0,8" : "AT+CSMP=17,167,0,0");
    ready = true;
  }

  private void unlockSim() throws DeviceException {
    write("AT+CPIN?\r");
    // a modem that cannot tell answers ERROR: go on, the first message will say whether the SIM works
    List<String> state = await(settings.commandTimeout(), false, "AT+CPIN?");
    if (state.stream().anyMatch(l -> l.contains("PUK"))) {
      unlock.ifPresent(u -> u.refused("the SIM card wants its PUK"));
      throw new SimLockedException("the SIM card in the GSM modem on " + port() + " is locked and wants its PUK"
          + " (from the network operator); no SMS can go out until it is unlocked in a phone");
    }
    if (state.stream().noneMatch(l -> l.contains("SIM PIN"))) {
      return;
    }
    if (unlock.isEmpty()) {
      throw new SimLockedException("the SIM card in the GSM modem on " + port() + " waits for its PIN and loaxa"
          + " has none: write it alone in a file and name that file as alerts.sms.pinFile (if it is named, it could"
          + " not be read at start; the log says why)");
    }
    SimUnlock u = unlock.get();
    java.util.Optional<String> digits = u.offer();
    if (digits.isEmpty()) {
      throw new SimLockedException("the SIM card in the GSM modem on " + port() + " still waits for its PIN: "
          + u.refusal().orElse("the PIN was already sent once since the station started")
          + "; not tried again until loaxa restarts, so the card does not lock itself (PUK)");
    }
    write("AT+CPIN=\"" + digits.get() + "\"\r");
    List<String> answer = await(settings.commandTimeout(), false, "the SIM PIN");
    String last = answer.get(answer.size() - 1);
    if (!last.equals("OK")) {
      // the modem's words only: the command it answers holds the PIN
      String why = "the SIM card refused the PIN from " + u.source() + " ('" + shown(last) + "')";
      u.refused(why);
      throw new SimLockedException(why + "; not tried again until loaxa restarts, so the card does not lock itself"
          + " (PUK): correct the PIN in " + u.source() + ", then restart loaxa");
    }
  }

  /** The texts {@code text} becomes on this modem: diacritics stripped or kept, split or cut. */
  public List<String> partsOf(String text) {
    String body = settings.diacritics() ? text : SmsText.gsm7(text);
    return SmsText.parts(body, settings.diacritics(), settings.maxParts());
  }

  /** Sends {@code text} to {@code number} ({@code +84…}), as one or more messages. */
  public synchronized Receipt send(String number, String text) throws DeviceException {
    List<String> parts = partsOf(text);
    List<Integer> references = new ArrayList<>();
    for (String part : parts) {
      references.add(sendPart(number, part));
    }
    return new Receipt(references, parts);
  }

  private int sendPart(String number, String part) throws DeviceException {
    DeviceException last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        pause.pause(settings.retryGap());
      }
      try {
        if (!ready) {
          prepare();
        }
        return sendOnce(number, part);
      } catch (SimLockedException e) {
        throw e;
      } catch (ModemSilentException e) {
        ready = false;
        last = e;
      } catch (ModemException e) {
        last = e;
      }
    }
    throw last;
  }

  private int sendOnce(String number, String part) throws DeviceException {
    boolean ucs2 = settings.diacritics();
    String to = ucs2 ? SmsText.ucs2Hex(number) : number;
    line.discardInput();
    write("AT+CMGS=\"" + to + "\"\r");
    List<String> prompt = await(settings.commandTimeout(), true, "AT+CMGS");
    if (!prompt.get(prompt.size() - 1).equals(">")) {
      throw refusal("AT+CMGS", prompt);
    }
    byte[] text = (ucs2 ? SmsText.ucs2Hex(part) : part).getBytes(StandardCharsets.ISO_8859_1);
    byte[] frame = new byte[text.length + 1];
    System.arraycopy(text, 0, frame, 0, text.length);
    frame[text.length] = CTRL_Z;
    line.write(frame);
    List<String> answer;
    try {
      answer = await(settings.sendTimeout(), false, "the message text");
    } catch (ModemSilentException e) {
      line.write(new byte[] {ESC});
      throw e;
    }
    if (!answer.get(answer.size() - 1).equals("OK")) {
      throw refusal("AT+CMGS", answer);
    }
    for (String l : answer) {
      if (l.startsWith("+CMGS:")) {
        try {
          return Integer.parseInt(l.substring(6).trim());
        } catch (NumberFormatException e) {
          throw new ModemException("the GSM modem on " + port() + " answered '" + shown(l) + "'", OptionalInt.empty());
        }
      }
    }
    throw new ModemException("the GSM modem on " + port() + " answered OK without +CMGS", OptionalInt.empty());
  }

  /** Sends one command and expects {@code OK}. */
  private List<String> command(String command) throws DeviceException {
    write(command + "\r");
    List<String> answer = await(settings.commandTimeout(), false, command);
    if (!answer.get(answer.size() - 1).equals("OK")) {
      throw refusal(command, answer);
    }
    return answer;
  }

  private ModemException refusal(String command, List<String> answer) {
    String last = answer.get(answer.size() - 1);
    OptionalInt cms = OptionalInt.empty();
    if (last.startsWith("+CMS ERROR:") || last.startsWith("+CME ERROR:")) {
      try {
        cms = OptionalInt.of(Integer.parseInt(last.substring(11).trim()));
      } catch (NumberFormatException e) {
        // a modem giving words instead of a number (AT+CMEE=2); the words are in the message
      }
    }
    return new ModemException("the GSM modem on " + port() + " answered '" + shown(last) + "' to " + command, cms);
  }

  private void write(String text) throws DeviceException {
    line.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Reads answer lines until a final result ({@code OK}, {@code ERROR}, {@code +CMS ERROR: n},
   * {@code +CME ERROR: n}) or, when {@code prompt}, the {@code > } prompt (returned as the line {@code >}).
   * Echoed commands are left out.
   */
  private List<String> await(Duration timeout, boolean prompt, String what) throws DeviceException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] one = new byte[1];
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ModemSilentException("the GSM modem on " + port() + " did not answer " + what + " within "
            + timeout.toMillis() + " ms" + (lines.isEmpty() ? "" : " (it said " + shown(lines) + ")"));
      }
      int n = line.read(one, 0, 1, Duration.ofNanos(Math.min(left, 50_000_000L)));
      if (n == 0) {
        continue;
      }
      char c = (char) (one[0] & 0xFF);
      if (c == '\r' || c == '\n') {
        String l = current.toString().trim();
        current.setLength(0);
        if (l.isEmpty() || l.toUpperCase(java.util.Locale.ROOT).startsWith("AT")) {
          continue;
        }
        lines.add(l);
        if (isFinal(l)) {
          return lines;
        }
        if (lines.size() >= MOST_LINES) {
          throw new ModemException("modem GSM trên " + port() + " trả lời " + what + " quá " + MOST_LINES + " dòng mà chưa"
              + " có OK / the GSM modem on " + port() + " answered " + what + " with more than " + MOST_LINES + " lines and"
              + " no OK (last: '" + shown(l) + "'): a wrong baud rate or another device on the port", OptionalInt.empty());
        }
        continue;
      }
      current.append(c);
      if (current.length() > MOST_LINE) {
        throw new ModemException("modem GSM trên " + port() + " gửi một dòng dài hơn " + MOST_LINE + " ký tự khi trả lời "
            + what + " / the GSM modem on " + port() + " sent a line longer than " + MOST_LINE + " characters answering "
            + what + ": a wrong baud rate or another device on the port", OptionalInt.empty());
      }
      if (prompt && current.length() <= 3 && current.toString().trim().equals(">")) {
        lines.add(">");
        return lines;
      }
    }
  }

  /** What the modem said, as a log line may show it: printable, at most 60 characters, no quote marks. */
  static String shown(String said) {
    StringBuilder b = new StringBuilder(Math.min(said.length(), 61));
    for (int i = 0; i < said.length() && b.length() < 60; i++) {
      char c = said.charAt(i);
      // a quote mark of the modem's would end the quotes around its words early
      b.append(c < 0x20 || (c >= 0x7F && c < 0xA0) ? '?' : c == '\'' ? '`' : c);
    }
    return said.length() > 60 ? b.append('…').toString() : b.toString();
  }

  /** The last three lines the modem said, each as {@link #shown(String)}. */
  private static String shown(List<String> lines) {
    List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
    return (lines.size() > 3 ? "…, " : "") + String.join(", ", last.stream().map(l -> "'" + shown(l) + "'").toList());
  }

  private static boolean isFinal(String l) {
    return l.equals("OK") || l.equals("ERROR") || l.startsWith("+CMS ERROR:") || l.startsWith("+CME ERROR:");
  }

  @Override
  public void close() {
    line.close();
  }
}
