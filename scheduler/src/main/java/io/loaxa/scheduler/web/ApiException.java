package io.loaxa.scheduler.web;

/** A refusal with its HTTP status and, when one field is at fault, its name. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String field;
  final Integer line;

  ApiException(int status, String message, String field, Integer line) {
    super(message);
    this.status = status;
    this.field = field;
    this.line = line;
  }

  ApiException(int status, String message, String field) {
    this(status, message, field, null);
  }

  ApiException(int status, String message) {
    this(status, message, null);
  }
}
