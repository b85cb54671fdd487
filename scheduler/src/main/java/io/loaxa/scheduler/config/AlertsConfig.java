package io.loaxa.scheduler.config;

import io.loaxa.scheduler.supervision.IncidentKind;
import io.loaxa.schedules.Bilingual;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told of the station's incidents and how (cảnh báo), as the {@code alerts:} block says; and
 * the thresholds of the detectors behind them.
 *
 * @param sms the USB GSM modem; empty: no SMS
 * @param email the SMTP server; empty: no e-mail
 * @param recipients who hears of which kinds
 * @param repeat how often an unresolved incident is told again; empty: never
 * @param cchcByDay from this day of the month on, a month without a completed CCHC airing is an incident
 * @param diskMinFreeMb less free space than this on the data folder's disk is an incident
 */
public record AlertsConfig(Optional<Sms> sms, Optional<Email> email, List<Recipient> recipients,
    Optional<Duration> repeat, int cchcByDay, long diskMinFreeMb) {
  public static final int DEFAULT_CCHC_BY_DAY = 20;
  public static final long DEFAULT_DISK_MIN_FREE_MB = 500;
  /** No channel, nobody told; the detectors at their defaults. */
  public static final AlertsConfig NONE = new AlertsConfig(Optional.empty(), Optional.empty(), List.of(),
      Optional.empty(), DEFAULT_CCHC_BY_DAY, DEFAULT_DISK_MIN_FREE_MB);

  /**
   * @param pinFile the file (absolute path) holding the SIM card's PIN, sent once per start when the
   *     modem asks for it; the PIN itself is never kept in the config or written to the log
   * @param diacritics keep Vietnamese diacritics (UCS-2) instead of plain GSM 7-bit
   */
  public record Sms(String port, int baud, Optional<String> pinFile, boolean diacritics) {
    public Sms {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(pinFile, "pinFile");
    }
  }

  /** How the connection to the SMTP server is protected. */
  public enum Tls { NONE, STARTTLS, SSL }

  /**
   * @param password the SMTP account's password, written inline or read from {@code passwordFile} at start
   * @param ca the certificate authority (PEM file, absolute path) the server's certificate must be
   *     signed by; empty: the Java runtime's trusted authorities
   * @param passwordFile the file (absolute path, readable by its owner only) the password was read from;
   *     empty: the password, if any, is written in the config itself
   */
  public record Email(String host, int port, Optional<String> user, Optional<String> password, String from, Tls tls,
      Optional<String> ca, Optional<String> passwordFile) {
    public Email(String host, int port, Optional<String> user, Optional<String> password, String from, Tls tls,
        Optional<String> ca) {
      this(host, port, user, password, from, tls, ca, Optional.empty());
    }

    public Email {
      Objects.requireNonNull(ca, "ca");
      Objects.requireNonNull(passwordFile, "passwordFile");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(tls, "tls");
    }

    /** Whether the password is written in the station config rather than in its own file. */
    public boolean passwordInline() {
      return password.isPresent() && passwordFile.isEmpty();
    }

    // the password never goes to a log line or a page through this record's text
    @Override
    public String toString() {
      return "Email[host=" + host + ", port=" + port + ", user=" + user.orElse("") + ", password="
          + (password.isEmpty() ? "none" : passwordFile.map(f -> "from " + f).orElse("inline")) + ", from=" + from
          + ", tls=" + tls + ", ca=" + ca.orElse("") + "]";
    }
  }

  /**
   * One person told of incidents.
   *
   * @param kinds what they are told of; empty: everything
   */
  public record Recipient(String name, Optional<String> phone, Optional<String> email, Set<IncidentKind> kinds) {
    public Recipient {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(email, "email");
      kinds = Set.copyOf(kinds);
    }
  }

  public AlertsConfig {
    Objects.requireNonNull(sms, "sms");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(repeat, "repeat");
    recipients = List.copyOf(recipients);
  }

  /** The PIN read from its file, or what is wrong with the file (never quoting its content). */
  public record PinRead(Optional<String> digits, Optional<String> problem) {
    @Override
    public String toString() {
      return problem.map(p -> "PinRead[" + p + "]").orElse("PinRead[read]");
    }
  }

  /** A secret read from its own file, or what is wrong with the file (never quoting its content). */
  public record SecretRead(Optional<String> secret, Optional<String> problem) {
    @Override
    public String toString() {
      return problem.map(p -> "SecretRead[" + p + "]").orElse("SecretRead[read]");
    }
  }

  /**
   * Reads {@code file}, an absolute path, as a secret alone in it (a password): the whole file, in
   * UTF-8, its trailing line break(s) dropped. Refused when the file is missing, empty, or may be read
   * by the file's group or by others: a secret other accounts on the station PC can read is no secret.
   */
  public static SecretRead readSecret(String file, String example) {
    Path path = Path.of(file);
    if (!path.isAbsolute()) {
      return new SecretRead(Optional.empty(), Optional.of(Bilingual.of("hãy ghi đường dẫn đầy đủ của tệp, ví dụ "
          + example + ", không phải '" + file + "'", "write the file's full path, e.g. " + example + ", not '" + file + "'")));
    }
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(path);
      if (mode.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
          || mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
        return new SecretRead(Optional.empty(), Optional.of(Bilingual.of(file + " để tài khoản khác đọc được"
            + " (quyền " + java.nio.file.attribute.PosixFilePermissions.toString(mode) + "); hãy để chỉ loaxa đọc nó: chmod 600 "
            + file, file + " may be read by other accounts (mode "
            + java.nio.file.attribute.PosixFilePermissions.toString(mode) + "); let only loaxa read it: chmod 600 "
            + file)));
      }
      if (!Files.isRegularFile(path)) {
        return new SecretRead(Optional.empty(), Optional.of(Bilingual.of(file + " không phải một tệp", file + " is not a file")));
      }
      String text = Files.readString(path, StandardCharsets.UTF_8).replaceFirst("[\\r\\n]+\\z", "");
      if (text.isEmpty()) {
        return new SecretRead(Optional.empty(), Optional.of(Bilingual.of(file + " trống; hãy ghi riêng mật khẩu vào đó",
            file + " is empty; write the password alone in it")));
      }
      return new SecretRead(Optional.of(text), Optional.empty());
    } catch (java.nio.file.NoSuchFileException e) {
      return new SecretRead(Optional.empty(), Optional.of(Bilingual.of("không có tệp " + file, "there is no file " + file)));
    } catch (java.nio.file.AccessDeniedException e) {
      return new SecretRead(Optional.empty(), Optional.of(Bilingual.of("loaxa không được đọc " + file
          + "; hãy cho người dùng loaxa làm chủ tệp: chown loaxa " + file, "loaxa may not read " + file
          + "; make the loaxa user its owner (chown loaxa " + file + ")")));
    } catch (UnsupportedOperationException e) {
      return new SecretRead(Optional.empty(), Optional.of(Bilingual.of(file + " nằm trên hệ thống tệp không"
          + " có quyền riêng cho chủ tệp; hãy để nó trên ổ đĩa của chính đài, ví dụ " + example, file + " is on a file system"
          + " without owner-only permissions; keep it on the station's own disk, e.g. " + example)));
    } catch (IOException | java.io.UncheckedIOException e) {
      // a file that is not UTF-8 text lands here too: its content is never quoted
      return new SecretRead(Optional.empty(), Optional.of(Bilingual.of("không đọc được " + file + " như một mật khẩu UTF-8",
          "cannot read " + file + " as a password in UTF-8")));
    }
  }

  /** Reads {@code file}, an absolute path, as a SIM PIN alone in it: 4 to 8 ASCII digits, blanks around them ignored. */
  public static PinRead readPin(String file) {
    Path path = Path.of(file);
    if (!path.isAbsolute()) {
      return new PinRead(Optional.empty(), Optional.of(Bilingual.of("hãy ghi đường dẫn đầy đủ của tệp, ví dụ"
          + " /etc/loaxa/sim-pin, không phải '" + file + "'", "write the file's full path, e.g. /etc/loaxa/sim-pin, not '" + file + "'")));
    }
    try {
      String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
      if (!text.matches("[0-9]{4,8}")) {
        return new PinRead(Optional.empty(), Optional.of(Bilingual.of(file + " chỉ được chứa mã PIN của SIM:"
            + " 4 đến 8 chữ số, ví dụ 1234", file + " must hold the SIM PIN alone: 4 to 8 digits, e.g. 1234")));
      }
      return new PinRead(Optional.of(text), Optional.empty());
    } catch (java.nio.file.NoSuchFileException e) {
      return new PinRead(Optional.empty(), Optional.of(Bilingual.of("không có tệp " + file, "there is no file " + file)));
    } catch (java.nio.file.AccessDeniedException e) {
      return new PinRead(Optional.empty(), Optional.of(Bilingual.of("loaxa không được đọc " + file
          + "; hãy cho người dùng loaxa đọc được tệp", "loaxa may not read " + file + "; make it readable by the loaxa user")));
    } catch (IOException | java.io.UncheckedIOException e) {
      // a file of other bytes than ASCII digits lands here too: its content is never quoted
      return new PinRead(Optional.empty(), Optional.of(Bilingual.of("không đọc được " + file + " như mã PIN"
          + " của SIM gồm 4 đến 8 chữ số", "cannot read " + file + " as a SIM PIN of 4 to 8 digits")));
    }
  }
}
