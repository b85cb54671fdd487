package io.loaxa.scheduler.accounts;

import java.time.Instant;

/**
 * One line of the audit log: who did what, from where, and the state before and after. Refusals and
 * failed logins are entries too ({@code allowed} false).
 */
public record AuditEntry(long id, Instant at, String who, String address, String action, String before, String after,
    boolean allowed) {}
