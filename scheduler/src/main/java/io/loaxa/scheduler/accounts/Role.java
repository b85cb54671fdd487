package io.loaxa.scheduler.accounts;

import io.loaxa.scheduler.UserError;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an account may do: admin (users, config), operator (schedule, content, air), officer (read, reports), approver. */
public enum Role {
  ADMIN, OPERATOR, OFFICER, APPROVER;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws UserError naming the known roles */
  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.configName().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new UserError("vai trò không hợp lệ '" + text + "' (role must be one of "
        + Arrays.stream(values()).map(Role::configName).collect(Collectors.joining(", ")) + ")");
  }
}
