package io.loaxa.scheduler.supervision;

import io.loaxa.devices.DeviceException;
import io.loaxa.devices.gsm.GsmModem;
import io.loaxa.devices.gsm.SimLockedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts by SMS through the USB GSM modem: works with no internet. The modem is opened on the first
 * alert and again after it failed (unplugged, stopped answering), so a modem missing at start is
 * picked up when it appears. One text per recipient: the subject, then the body; the modem strips
 * the diacritics for GSM 7-bit or keeps them in UCS-2, and cuts a long text to its parts. A locked SIM
 * card (its PIN refused, wanted and not configured, or its PUK wanted) is logged once and ends SMS
 * until the station restarts: every later send is refused at once, without asking the modem, so a
 * wrong PIN is never tried into the card's PUK lock.
 */
public final class SmsAlertChannel implements AlertChannel, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmsAlertChannel.class);

  /** Opens the modem on its serial port and prepares it for text mode. */
  @FunctionalInterface
  public interface ModemOpener {
    GsmModem open() throws DeviceException;
  }

  private final ModemOpener opener;
  private GsmModem modem;
  private java.util.Optional<String> locked = java.util.Optional.empty();

  public SmsAlertChannel(ModemOpener opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  @Override
  public String name() {
    return "sms";
  }

  @Override
  public synchronized String send(List<String> recipients, String subject, String body) throws AlertException {
    String text = subject + "\n" + body;
    List<String> answers = new ArrayList<>();
    if (locked.isPresent()) {
      throw new AlertException("SMS off until loaxa restarts: " + locked.get(), null, true);
    }
    for (String number : recipients) {
      try {
        if (modem == null) {
          modem = opener.open();
        }
        GsmModem.Receipt receipt = modem.send(number, text);
        answers.add(number + " +CMGS: " + receipt.references());
      } catch (SimLockedException e) {
        closeModem();
        locked = java.util.Optional.of(e.getMessage());
        LOG.error("SMS alerts stop until loaxa restarts: {}", e.getMessage());
        throw new AlertException("SMS to " + number + ": " + e.getMessage(), e, true);
      } catch (DeviceException e) {
        closeModem();
        throw new AlertException("SMS to " + number + ": " + e.getMessage(), e);
      }
    }
    return String.join(", ", answers);
  }

  private void closeModem() {
    if (modem != null) {
      try {
        modem.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the GSM modem: {}", e.getMessage());
      }
      modem = null;
    }
  }

  @Override
  public synchronized void close() {
    closeModem();
  }
}
