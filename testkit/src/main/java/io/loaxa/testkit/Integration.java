package io.loaxa.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that drives a real neighbour (PulseAudio, socat, pymodbus, espeak-ng, sox, poppler,
 * openpyxl, a daemon process, …). {@code ./run-tests} runs them; the fast layer
 * ({@code mvn test -DexcludedGroups=integration,soak}) leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("integration")
public @interface Integration {}
