package io.loaxa.scheduler.mail;

import io.loaxa.scheduler.supervision.AlertChannel;
import io.loaxa.scheduler.supervision.AlertException;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Alerts by e-mail over SMTP: one message to the given addresses, subject and body in UTF-8 (the
 * Vietnamese kept whole), logged in with the configured account when there is one. Over STARTTLS or
 * SSL the server's certificate must be signed by the configured certificate authority (or, without
 * one, by an authority the Java runtime trusts) and name the host connected to; a certificate that
 * fails either is refused before anything is sent, login included, and said so in words.
 */
public final class SmtpAlertChannel implements AlertChannel {
  /** How the connection to the SMTP server is protected. */
  public enum Tls {
    /** Plain SMTP (a relay on the station's own network). */
    NONE,
    /** STARTTLS on the submission port, usually 587. */
    STARTTLS,
    /** SMTP over TLS from the first byte, usually 465. */
    SSL
  }

  /**
   * @param user and {@code password}: the account to log in with; empty: no login
   * @param timeout how long connecting and each reply may take
   * @param ca the certificate authority's PEM file the server's certificate must be signed by;
   *     empty: the Java runtime's trusted authorities
   */
  public record Settings(String host, int port, Optional<String> user, Optional<String> password, String from, Tls tls,
      Duration timeout, Optional<Path> ca) {
    public Settings(String host, int port, Optional<String> user, Optional<String> password, String from, Tls tls,
        Duration timeout) {
      this(host, port, user, password, from, tls, timeout, Optional.empty());
    }

    public Settings {
      Objects.requireNonNull(ca, "ca");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(timeout, "timeout");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + port);
      }
    }
  }

  private final Settings settings;
  private final Clock clock;

  public SmtpAlertChannel(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public String send(List<String> recipients, String subject, String body) throws AlertException {
    String protocol = settings.tls() == Tls.SSL ? "smtps" : "smtp";
    Properties p = new Properties();
    String millis = Long.toString(settings.timeout().toMillis());
    p.put("mail." + protocol + ".host", settings.host());
    p.put("mail." + protocol + ".port", Integer.toString(settings.port()));
    p.put("mail." + protocol + ".connectiontimeout", millis);
    p.put("mail." + protocol + ".timeout", millis);
    p.put("mail." + protocol + ".writetimeout", millis);
    p.put("mail." + protocol + ".auth", Boolean.toString(settings.user().isPresent()));
    if (settings.tls() == Tls.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (settings.tls() != Tls.NONE) {
      // the name in the certificate must be the host's: a valid certificate for another site is no proof
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
      if (settings.ca().isPresent()) {
        p.put("mail." + protocol + ".ssl.socketFactory", trusting(settings.ca().get()));
      }
    }
    Session session = Session.getInstance(p);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from(), true));
      Address[] to = new Address[recipients.size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = new InternetAddress(recipients.get(i), true);
      }
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(subject, "UTF-8");
      message.setText(body, "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      message.saveChanges();
      try (Transport transport = session.getTransport(protocol)) {
        transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
            settings.password().orElse(null));
        transport.sendMessage(message, to);
        String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "sent";
        return reply;
      }
    } catch (AddressException e) {
      throw new AlertException("bad e-mail address: " + e.getMessage(), e);
    } catch (MessagingException e) {
      Optional<Throwable> refused = certificateRefusal(e);
      if (refused.isPresent()) {
        throw new AlertException("SMTP " + settings.host() + ":" + settings.port() + ": chứng chỉ của máy chủ thư không"
            + " được tin cậy, thư chưa gửi / the mail server's certificate is not trusted, nothing was sent: it is not"
            + " signed by " + settings.ca().map(c -> "the certificate authority in " + c)
                .orElse("an authority the Java runtime trusts") + ", or it is not for the host " + settings.host()
            + " (" + refused.get().getMessage() + ")", e);
      }
      throw new AlertException("SMTP " + settings.host() + ":" + settings.port() + ": " + describe(e), e);
    }
  }

  /** The cause that says the server's certificate was refused, if that is why the connection failed. */
  private static Optional<Throwable> certificateRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertificateException || t instanceof javax.net.ssl.SSLPeerUnverifiedException
          || t instanceof java.security.cert.CertPathValidatorException
          || t instanceof java.security.cert.CertPathBuilderException) {
        return Optional.of(t);
      }
      if (t instanceof java.io.IOException && String.valueOf(t.getMessage()).startsWith("Can't verify identity of server")) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** TLS sockets that trust the certificate authorities in {@code caFile} (PEM) and nothing else. */
  static javax.net.ssl.SSLSocketFactory trusting(Path caFile) throws AlertException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(caFile)) {
      java.util.Collection<? extends java.security.cert.Certificate> certificates =
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new AlertException("alerts.email.ca: no certificate in " + caFile, null, true);
      }
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int n = 0;
      for (java.security.cert.Certificate c : certificates) {
        store.setCertificateEntry("ca-" + n++, c);
      }
      javax.net.ssl.TrustManagerFactory trust =
          javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new AlertException("alerts.email.ca: cannot read the certificate authority in " + caFile + " ("
          + e.getMessage() + ")", e, true);
    }
  }

  private static String describe(MessagingException e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()).strip());
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !b.toString().contains(cause.getMessage())) {
      b.append(" (").append(cause.getMessage()).append(')');
    }
    return b.toString();
  }
}
