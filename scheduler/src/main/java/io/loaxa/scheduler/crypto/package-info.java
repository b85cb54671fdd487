/**
 * Password hashing with Argon2id from Spring Security Crypto over BouncyCastle: both pure Java, so
 * the same jar runs on the x86_64 office PCs and the arm64 boards without native libraries. The only
 * package that imports either library.
 */
package io.loaxa.scheduler.crypto;
