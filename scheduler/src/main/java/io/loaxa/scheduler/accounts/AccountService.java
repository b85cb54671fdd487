package io.loaxa.scheduler.accounts;

import io.loaxa.scheduler.UserError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Adds, lists, removes accounts and checks logins; every change, refusal and failed login is audited. */
public final class AccountService {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 200;

  private final Accounts accounts;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final LoginThrottle throttle;
  private final Clock clock;
  // a fixed hash to compare against when the account does not exist, so timing does not tell names;
  // made at the first login, not at start: one Argon2 hash costs ~16 MiB of heap and about a second
  // on a Pi, which every start of the daemon and every CLI command would otherwise pay
  private volatile String decoy;

  public AccountService(Accounts accounts, PasswordHasher hasher, AuditLog audit, Clock clock) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
  }

  private String decoy() {
    String d = decoy;
    if (d == null) {
      synchronized (this) {
        d = decoy;
        if (d == null) {
          d = hasher.hash("decoy-password-never-used");
          decoy = d;
        }
      }
    }
    return d;
  }

  public AuditLog audit() {
    return audit;
  }

  public boolean anyAdmin() {
    return accounts.anyAdmin();
  }

  public List<Account> all() {
    return accounts.all();
  }

  public Optional<Account> find(String name) {
    return accounts.find(name);
  }

  /** @throws UserError for a bad name, a taken name or a weak password */
  public void add(String name, Role role, String password, String who, String address) {
    checkName(name);
    checkPassword(password);
    if (!accounts.add(new Account(name, role, hasher.hash(password), clock.instant()))) {
      audit.record(who, address, "user.add " + name, "", role.configName(), false);
      throw new UserError("tài khoản '" + name + "' đã có (the account already exists)");
    }
    audit.record(who, address, "user.add " + name, "", role.configName(), true);
  }

  public void remove(String name, String who, String address) {
    Optional<Account> a = accounts.find(name);
    if (a.isEmpty() || !accounts.remove(name)) {
      throw new UserError("không có tài khoản '" + name + "' (no such account)");
    }
    audit.record(who, address, "user.remove " + name, a.get().role().configName(), "", true);
  }

  public void passwd(String name, String password, String who, String address) {
    checkPassword(password);
    if (!accounts.setPasswordHash(name, hasher.hash(password))) {
      throw new UserError("không có tài khoản '" + name + "' (no such account)");
    }
    audit.record(who, address, "user.passwd " + name, "", "", true);
  }

  /** The outcome of a login. */
  public sealed interface Login {
    record Ok(Account account) implements Login {}

    record Refused() implements Login {}

    record Locked(Instant until) implements Login {}
  }

  public Login login(String name, String password, String address) {
    String n = name == null ? "" : name.strip();
    Optional<Instant> locked = throttle.locked(n, address);
    if (locked.isPresent()) {
      audit.record(n, address, "login", "", "locked", false);
      return new Login.Locked(locked.get());
    }
    Optional<Account> account = accounts.find(n);
    String pw = password == null ? "" : password;
    boolean ok = pw.length() <= MAX_PASSWORD && hasher.matches(pw, account.map(Account::passwordHash).orElseGet(this::decoy))
        && account.isPresent();
    if (!ok) {
      throttle.failed(n, address);
      audit.record(n, address, "login", "", "wrong name or password", false);
      return new Login.Refused();
    }
    throttle.succeeded(n);
    audit.record(n, address, "login", "", "", true);
    return new Login.Ok(account.get());
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UserError("tên tài khoản không hợp lệ '" + name
          + "': chữ thường a-z, số, . _ -, tối đa 32 ký tự (lower-case letters, digits, . _ -, up to 32)");
    }
  }

  static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new UserError("mật khẩu quá ngắn: cần ít nhất " + MIN_PASSWORD + " ký tự (password needs at least "
          + MIN_PASSWORD + " characters)");
    }
    if (password.length() > MAX_PASSWORD) {
      throw new UserError("mật khẩu quá dài: tối đa " + MAX_PASSWORD + " ký tự (password too long)");
    }
  }
}
