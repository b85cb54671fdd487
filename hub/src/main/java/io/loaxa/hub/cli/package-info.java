/**
 * {@code loaxa hub …} on the command line (picocli): {@code run --config HUB.yaml} starts the hub,
 * {@code keys --out DIR} makes its Ed25519 key pair. Exit 0 on success, 1 on a user error with the
 * reason, 2 on an internal error, as every loaxa command.
 */
package io.loaxa.hub.cli;
