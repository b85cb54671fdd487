package io.loaxa.devices.testing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that keeps every record written to it, formatted as the station log would print it. */
public final class RecordingLogger extends LegacyAbstractLogger {
  /** One log record: its level and its message with the arguments filled in. */
  public record Record(Level level, String message) {}

  private final List<Record> records = new ArrayList<>();

  public RecordingLogger(String name) {
    this.name = name;
  }

  public synchronized List<Record> records() {
    return List.copyOf(records);
  }

  @Override
  protected synchronized void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
      Object[] arguments, Throwable throwable) {
    records.add(new Record(level, MessageFormatter.basicArrayFormat(messagePattern, arguments)));
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return RecordingLogger.class.getName();
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
