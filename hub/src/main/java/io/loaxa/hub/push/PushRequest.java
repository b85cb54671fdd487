package io.loaxa.hub.push;

import io.loaxa.hub.Command;
import io.loaxa.hub.Push;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the province officer asks for: the kind, the words, who hears it, and when.
 *
 * @param expiresIn how long a station may still act on it; the default is an hour past {@code until} or {@code at}
 */
public record PushRequest(Command.Type type, String priority, String title, String category, String text,
    Push.Targets targets, Optional<Instant> at, Optional<Integer> repeatEveryMinutes, Optional<Instant> until,
    Optional<Duration> expiresIn) {}
