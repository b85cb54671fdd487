package io.loaxa.scheduler.crypto;

import io.loaxa.scheduler.accounts.PasswordHasher;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id, 16-byte salt, 32-byte hash, 1 lane, 19 MiB, 2 iterations (the OWASP minimum). */
public final class Argon2Hasher implements PasswordHasher {
  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

  @Override
  public String hash(CharSequence password) {
    return encoder.encode(password);
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    try {
      return encoder.matches(password, hash);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
