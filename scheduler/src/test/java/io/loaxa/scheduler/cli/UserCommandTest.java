package io.loaxa.scheduler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.station.StationStore;
import io.loaxa.scheduler.config.StationConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loaxa user add|list|passwd|remove} and {@code loaxa audit} through the command line's entry
 * point, on a real station database: the first admin made at the terminal, passwords from standard
 * input for scripts, every change in the audit log.
 */
class UserCommandTest {
  private static final String PASSWORD = "mat-khau-dai-1";

  @TempDir
  Path data;

  private CliRun loaxa(String stdin, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    synchronized (CliRun.class) {
      InputStream in = System.in;
      try {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return CliRun.loaxa(all);
      } finally {
        System.setIn(in);
      }
    }
  }

  private boolean logsIn(String name, String password) {
    try (StationStore store = StationStore.open(StationConfig.demoStation(), data)) {
      return store.accounts().login(name, password, "127.0.0.1") instanceof AccountService.Login.Ok;
    }
  }

  @Test
  void theFirstAdminIsMadeAtTheTerminalAndListedAndAudited() {
    CliRun add = loaxa(PASSWORD + "\n", "user", "add", "quantri", "--role", "admin", "--password-stdin");
    assertEquals(0, add.code(), add.err());
    assertEquals("đã thêm quantri (admin)", add.out().strip());
    assertEquals(0, loaxa(PASSWORD + "\n", "user", "add", "canbo", "--role", "officer", "--password-stdin").code());
    CliRun list = loaxa("", "user", "list");
    assertEquals(0, list.code(), list.err());
    List<String> lines = list.out().strip().lines().toList();
    assertEquals(2, lines.size(), list.out());
    assertTrue(lines.get(0).startsWith("canbo\tofficer\t") || lines.get(1).startsWith("canbo\tofficer\t"), list.out());
    assertTrue(list.out().contains("quantri\tadmin\t"), list.out());
    assertTrue(logsIn("quantri", PASSWORD));
    CliRun audit = loaxa("", "audit");
    assertEquals(0, audit.code(), audit.err());
    assertTrue(audit.out().startsWith("id,at,who,address,action,before,after,allowed\r\n"), audit.out());
    assertTrue(audit.out().contains("\"user.add quantri\""), audit.out());
    assertTrue(audit.out().contains("\"cli:" + System.getProperty("user.name")), audit.out());
    assertFalse(audit.out().contains(PASSWORD), "no password in the audit log");
  }

  @Test
  void aPasswordIsChangedAndAnAccountRemoved() {
    assertEquals(0, loaxa(PASSWORD + "\n", "user", "add", "vanhanh", "--role", "operator", "--password-stdin").code());
    CliRun passwd = loaxa("mat-khau-moi-2\n", "user", "passwd", "vanhanh", "--password-stdin");
    assertEquals(0, passwd.code(), passwd.err());
    assertEquals("đã đổi mật khẩu của vanhanh", passwd.out().strip());
    assertFalse(logsIn("vanhanh", PASSWORD));
    assertTrue(logsIn("vanhanh", "mat-khau-moi-2"));
    CliRun remove = loaxa("", "user", "remove", "vanhanh");
    assertEquals(0, remove.code(), remove.err());
    assertEquals("", loaxa("", "user", "list").out().strip());
    String audit = loaxa("", "audit").out();
    assertTrue(audit.contains("passwd") && audit.contains("remove"), audit);
  }

  @Test
  void refusalsSayWhyAndExitOne() {
    CliRun role = loaxa(PASSWORD + "\n", "user", "add", "x", "--role", "boss", "--password-stdin");
    assertEquals(1, role.code(), role.out() + role.err());
    CliRun weak = loaxa("123\n", "user", "add", "yeu", "--role", "officer", "--password-stdin");
    assertEquals(1, weak.code());
    assertTrue(weak.err().contains("mật khẩu quá ngắn"), weak.err());
    CliRun noPassword = loaxa("", "user", "add", "trong", "--role", "officer", "--password-stdin");
    assertEquals(1, noPassword.code());
    assertTrue(noPassword.err().contains("no password on standard input"), noPassword.err());
    CliRun noTerminal = loaxa("", "user", "add", "trong", "--role", "officer");
    assertEquals(1, noTerminal.code());
    assertTrue(noTerminal.err().contains("use --password-stdin"), noTerminal.err());
    assertEquals(0, loaxa(PASSWORD + "\n", "user", "add", "hai", "--role", "officer", "--password-stdin").code());
    CliRun twice = loaxa(PASSWORD + "\n", "user", "add", "hai", "--role", "officer", "--password-stdin");
    assertEquals(1, twice.code());
    assertTrue(twice.err().contains("đã có"), twice.err());
    CliRun nobody = loaxa("", "user", "remove", "khong-ai");
    assertEquals(1, nobody.code());
    assertTrue(nobody.err().contains("no such account"), nobody.err());
    assertEquals(Role.OFFICER, Role.parse("officer"));
  }
}
