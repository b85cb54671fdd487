/**
 * The station's link to the province hub (hệ thống nguồn thông tin cấp tỉnh), as
 * docs/hub-protocol.md says it: every run that ends and a health snapshot now and then go into the
 * station's outbox first and are sent from there in order, marked sent only once the broker has
 * them, so a link that is down for a week loses nothing; every command from the hub is checked
 * (Ed25519 signature, station, expiry, sequence, zones, size) before anything airs, every refusal
 * is audited and answered, and a verified emergency airs through the station's own runner exactly
 * as one typed in at the station does. The broker and the store are ports; the station keeps
 * airing from its own schedule whatever the link does.
 */
package io.loaxa.scheduler.uplink;
