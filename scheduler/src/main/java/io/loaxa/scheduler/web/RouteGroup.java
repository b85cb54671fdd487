package io.loaxa.scheduler.web;

/**
 * A set of API routes kept in a class of its own (the log, the schedule, the content library, the
 * pages). The server hands it {@link Routes}: the role guard, the CSRF check, the audit log and the
 * one error shape come with every route registered there.
 *
 * <p>A group documents its paths in a resource beside it, {@code <SimpleName>.openapi.json}, holding
 * an OpenAPI {@code paths} object (and optionally {@code schemas}); the server merges it into
 * {@code /api/openapi.json}.
 */
public interface RouteGroup {
  void register(Routes routes);
}
