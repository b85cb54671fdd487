/**
 * Pushing from the province: a bulletin or an emergency to every station, to the stations of chosen
 * communes or to chosen hamlets, one signed command per station with that station's next sequence
 * number and an expiry; cancelling it; and the dispatcher that hands queued commands to the broker
 * and keeps them queued while it is away.
 */
package io.loaxa.hub.push;
