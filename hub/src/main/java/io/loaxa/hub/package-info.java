/**
 * The province hub: what it offers and what it is made of. Values for what the stations send
 * (a run, a health snapshot, what became of a command), the station key they are filed under, the
 * commands the hub pushes, and the ports the use cases work through. {@link io.loaxa.hub.HubDaemon}
 * is the hub's one composition root: it alone builds the object graph from the adapters
 * ({@code postgres}, {@code mqtt}, {@code json}, {@code web}).
 */
package io.loaxa.hub;
