package io.loaxa.scheduler.accounts;

import java.time.Instant;

/** One stored account; {@code passwordHash} is the hasher's encoded form, never the password. */
public record Account(String name, Role role, String passwordHash, Instant createdAt) {}
