/**
 * systemd's notify protocol for the station daemon ({@code Type=notify}, watchdog), spoken through
 * the {@code systemd-notify} tool so no native socket code is needed. The unit file lives in
 * {@code packaging/systemd/loaxa.service}.
 */
package io.loaxa.scheduler.systemd;
