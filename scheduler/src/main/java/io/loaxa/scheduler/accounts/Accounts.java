package io.loaxa.scheduler.accounts;

import java.util.List;
import java.util.Optional;

/** Where accounts are kept (the station database). */
public interface Accounts {
  /** @return false when the name is taken */
  boolean add(Account account);

  Optional<Account> find(String name);

  List<Account> all();

  /** @return false when there was no such account */
  boolean remove(String name);

  /** @return false when there was no such account */
  boolean setPasswordHash(String name, String hash);

  default boolean anyAdmin() {
    return all().stream().anyMatch(a -> a.role() == Role.ADMIN);
  }
}
