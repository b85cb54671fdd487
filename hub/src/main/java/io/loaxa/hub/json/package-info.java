/**
 * The protocol's JSON (docs/hub-protocol.md), through Jackson: the bodies stations publish read
 * and checked against their topic, the command JSON the hub signs written, the API's request bodies
 * read. Pure codecs with no I/O.
 */
package io.loaxa.hub.json;
