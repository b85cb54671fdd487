package io.loaxa.scheduler.station;

import io.loaxa.devices.Pause;
import io.loaxa.devices.SerialSettings;
import io.loaxa.devices.gsm.GsmModem;
import io.loaxa.devices.gsm.SimUnlock;
import io.loaxa.devices.serial.JSerialCommPorts;
import io.loaxa.scheduler.config.AlertsConfig;
import io.loaxa.scheduler.config.StationConfig;
import io.loaxa.scheduler.mail.SmtpAlertChannel;
import io.loaxa.scheduler.supervision.AlertChannel;
import io.loaxa.scheduler.supervision.AlertDispatcher;
import io.loaxa.scheduler.supervision.AlertSettings;
import io.loaxa.scheduler.supervision.IncidentLog;
import io.loaxa.scheduler.supervision.SmsAlertChannel;
import io.loaxa.schedules.Bilingual;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The alert dispatcher of a station: its channels and recipients built from the {@code alerts:} block. */
final class StationAlerts {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StationAlerts.class);

  private StationAlerts() {}

  static AlertDispatcher dispatcher(StationConfig config, Clock clock, Pause pause, IncidentLog log) {
    AlertsConfig alerts = config.alerts();
    List<AlertChannel> channels = new ArrayList<>();
    alerts.sms().ifPresent(sms -> channels.add(sms(sms, pause)));
    alerts.email().ifPresent(email -> channels.add(email(email, clock)));
    List<AlertDispatcher.Route> routes = new ArrayList<>();
    for (AlertsConfig.Recipient r : alerts.recipients()) {
      r.phone().ifPresent(p -> routes.add(new AlertDispatcher.Route("sms", p, r.kinds())));
      r.email().ifPresent(e -> routes.add(new AlertDispatcher.Route("email", e, r.kinds())));
    }
    return new AlertDispatcher(config.name(), config.timeZone(), channels, routes,
        new AlertDispatcher.Settings(alerts.repeat(), AlertDispatcher.Settings.DEFAULT.retryGap(),
            AlertDispatcher.Settings.DEFAULT.attempts()), log, clock);
  }

  /** The SMS channel; its SIM PIN, read now from its file, is offered to the modem at most once for this start. */
  static SmsAlertChannel sms(AlertsConfig.Sms sms, Pause pause) {
    Optional<SimUnlock> unlock = sms.pinFile().flatMap(file -> {
      AlertsConfig.PinRead read = AlertsConfig.readPin(file);
      read.problem().ifPresent(p -> LOG.error("alerts.sms.pinFile: {}; the SIM card is not unlocked", Bilingual.english(p)));
      return read.digits().map(d -> new SimUnlock(d, file));
    });
    return new SmsAlertChannel(() -> {
      GsmModem modem = new GsmModem(new JSerialCommPorts().open(sms.port(),
          new SerialSettings(sms.baud(), 8, SerialSettings.Parity.NONE, 1)),
          GsmModem.Settings.DEFAULT.withDiacritics(sms.diacritics()), pause);
      unlock.ifPresent(modem::unlockingWith);
      return modem;
    });
  }

  static SmtpAlertChannel email(AlertsConfig.Email email, Clock clock) {
    if (email.passwordInline()) {
      LOG.warn("alerts.email.password: the SMTP password is written in the station config, which travels with every"
          + " copy of it; put it alone in a file only loaxa can read (chmod 600) and write its path as"
          + " passwordFile: /etc/loaxa/smtp-password");
    }
    return new SmtpAlertChannel(new SmtpAlertChannel.Settings(email.host(), email.port(), email.user(), email.password(),
        email.from(), SmtpAlertChannel.Tls.valueOf(email.tls().name()), Duration.ofSeconds(30),
        email.ca().map(java.nio.file.Path::of)), clock);
  }

  /** The config's recipients and repeat: the defaults the alerts page's saved choice replaces. */
  static AlertSettings.Choice defaults(AlertsConfig alerts) {
    return new AlertSettings.Choice(alerts.recipients().stream().map(r -> new AlertSettings.Recipient(r.name(), r.phone(),
        r.email(), r.kinds())).toList(), alerts.repeat());
  }

  static SupervisionSettings supervision(StationConfig config) {
    return new SupervisionSettings(config.alerts().cchcByDay(), config.alerts().diskMinFreeMb() * 1_000_000L);
  }
}

/** The detectors' thresholds: the day by which this month's CCHC must have aired, the free space kept. */
record SupervisionSettings(int cchcByDay, long diskMinFreeBytes) {}
