/**
 * Accounts (tài khoản) of the people who work the station over the office LAN, their roles, the
 * login throttle and the audit log (nhật ký thao tác) of every change and refusal. Storage and
 * password hashing are ports; the adapters are built by the composition root.
 */
package io.loaxa.scheduler.accounts;
