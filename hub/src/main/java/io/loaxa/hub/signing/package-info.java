/**
 * The hub's signature on every command it pushes: an Ed25519 key pair made and read with the JDK
 * alone (PKCS#8 PEM for the private key that stays at the hub, X.509 PEM for the public key every
 * station keeps as {@code hub.hubKey}), and the signing of the exact payload bytes.
 */
package io.loaxa.hub.signing;
