package io.loaxa.scheduler.accounts;

/** A slow, salted password hash (Argon2id in the station). */
public interface PasswordHasher {
  String hash(CharSequence password);

  boolean matches(CharSequence password, String hash);
}
