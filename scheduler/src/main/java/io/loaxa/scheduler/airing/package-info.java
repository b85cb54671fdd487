/**
 * Putting one programme on air: the runner that takes the air, switches the amplifier and the
 * hamlets' lines, plays the programme on its planned instant, switches everything off and writes
 * the log row; the on-air queue that decides who has the air by priority; the content renderer
 * that prepares recordings, speech and rebroadcasts ahead; the operator's manual airings and
 * emergencies; and the installer's zone control for line tests. Talks to the outside only through
 * ports.
 */
package io.loaxa.scheduler.airing;
