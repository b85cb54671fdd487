package io.loaxa.scheduler.cli;

import io.loaxa.scheduler.UserError;
import io.loaxa.scheduler.accounts.Account;
import io.loaxa.scheduler.accounts.AccountService;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.station.StationStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loaxa user add|list|remove|passwd}: the accounts of the HTTP API, in the station database. */
@Command(name = "user", mixinStandardHelpOptions = true,
    description = "Tài khoản — accounts for the web API (roles admin, operator, officer, approver).",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class, UserCommand.Passwd.class})
final class UserCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Who made the change, as the audit log shows it: the system user at the terminal. */
  static String who() {
    return "cli:" + System.getProperty("user.name", "?");
  }

  /** The password, twice from the terminal, or one line from standard input with {@code --password-stdin}. */
  static String password(boolean fromStdin) throws IOException {
    if (fromStdin) {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new UserError("không đọc được mật khẩu từ đầu vào chuẩn (no password on standard input)");
      }
      return line;
    }
    Console console = System.console();
    if (console == null) {
      throw new UserError("không có terminal để hỏi mật khẩu; dùng --password-stdin (no terminal; use --password-stdin)");
    }
    char[] first = console.readPassword("Mật khẩu (password): ");
    char[] second = console.readPassword("Nhập lại (again): ");
    try {
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new UserError("hai lần nhập mật khẩu không khớp (the passwords do not match)");
      }
      return new String(first);
    } finally {
      if (first != null) {
        Arrays.fill(first, ' ');
      }
      if (second != null) {
        Arrays.fill(second, ' ');
      }
    }
  }

  /** What every {@code user} subcommand shares: the station's options and one open store for the change. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin
    StationOptions options;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    interface Change {
      String apply(AccountService accounts) throws Exception;
    }

    /** Opens the station's store, applies the change and prints what it answers. */
    final Integer change(Change change) throws Exception {
      String said;
      try (StationStore store = StationStore.open(options.stationConfig(), options.dataDir())) {
        said = change.apply(store.accounts());
      }
      spec.commandLine().getOut().println(said);
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Thêm tài khoản — add an account.")
  static final class Add extends Sub {
    @Parameters(paramLabel = "NAME", description = "lower-case letters, digits, . _ - (up to 32)")
    String name;
    @Option(names = "--role", required = true, description = "admin | operator | officer | approver")
    String role;
    @Option(names = "--password-stdin", description = "read the password from standard input (one line), for scripts")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
      Role r = Role.parse(role);
      String password = password(stdin);
      return change(accounts -> {
        accounts.add(name, r, password, who(), "localhost");
        return "đã thêm " + name + " (" + r.configName() + ")";
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Danh sách tài khoản — list accounts.")
  static final class ListUsers extends Sub {
    @Override
    public Integer call() throws Exception {
      return change(accounts -> {
        StringBuilder out = new StringBuilder();
        for (Account a : accounts.all()) {
          out.append(a.name()).append('\t').append(a.role().configName()).append('\t').append(a.createdAt()).append('\n');
        }
        return out.toString().stripTrailing();
      });
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Xóa tài khoản — remove an account.")
  static final class Remove extends Sub {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
      return change(accounts -> {
        accounts.remove(name, who(), "localhost");
        return "đã xóa " + name;
      });
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Đổi mật khẩu — set an account's password.")
  static final class Passwd extends Sub {
    @Parameters(paramLabel = "NAME")
    String name;
    @Option(names = "--password-stdin", description = "read the password from standard input (one line)")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
      String password = password(stdin);
      return change(accounts -> {
        accounts.passwd(name, password, who(), "localhost");
        return "đã đổi mật khẩu của " + name;
      });
    }
  }
}
