package io.loaxa.scheduler.web;

/** A refusal with its HTTP status and, when one field is at fault, its name. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String field;
  final Integer line;
  /** Every problem when there are several (a schedule file): each {@code {"error", "field", "line", "column"}}. */
  final java.util.List<java.util.Map<String, Object>> problems;

  ApiException(int status, String message, String field, Integer line, java.util.List<java.util.Map<String, Object>> problems) {
    super(message);
    this.status = status;
    this.field = field;
    this.line = line;
    this.problems = java.util.List.copyOf(problems);
  }

  ApiException(int status, String message, String field, Integer line) {
    this(status, message, field, line, java.util.List.of());
  }

  ApiException(int status, String message, String field) {
    this(status, message, field, null);
  }

  ApiException(int status, String message) {
    this(status, message, null);
  }
}
