package io.loaxa.scheduler.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.loaxa.scheduler.accounts.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a {@link RouteGroup} registers its routes through. */
public interface Routes {
  Set<Role> ANY = Set.copyOf(EnumSet.allOf(Role.class));
  Set<Role> OPERATE = Set.copyOf(EnumSet.of(Role.ADMIN, Role.OPERATOR));
  Set<Role> ADMIN = Set.copyOf(EnumSet.of(Role.ADMIN));
  Set<Role> READ_LOG = Set.copyOf(EnumSet.of(Role.ADMIN, Role.OFFICER));
  Set<Role> APPROVE = Set.copyOf(EnumSet.of(Role.ADMIN, Role.APPROVER));

  /** Who makes a request: an account with a session, or the local CLI. */
  interface Action {
    /**
     * The route's work. Return a value to send as JSON, a {@link Download} for bytes, or throw
     * {@link ApiException} for the one error shape.
     */
    Object run(Context ctx, ApiServer.Principal who) throws Exception;
  }

  /** A read: any of {@code roles}, no CSRF token needed. */
  void get(String path, Set<Role> roles, Action action);

  /** A change: any of {@code roles}, a CSRF token needed from a browser session. */
  void post(String path, Set<Role> roles, Action action);

  void put(String path, Set<Role> roles, Action action);

  void delete(String path, Set<Role> roles, Action action);

  /** A route open to anyone (login page, static assets of the pages); still listed for the OpenAPI check. */
  void open(String method, String path, Handler handler);

  /**
   * Who makes a request that a route answers in its own way (a page, a stream of events): empty
   * without a session or the local credential.
   */
  Optional<ApiServer.Principal> who(Context ctx);

  /** Whether {@code who}'s session is still open, without counting the question as activity. */
  boolean stillOpen(ApiServer.Principal who);

  /** One row in the append-only audit log for {@code who}'s request. */
  void audit(Context ctx, ApiServer.Principal who, String action, String before, String after, boolean allowed);

  /** Bytes to send as they are (an export, a recording, a rendered preview). */
  record Download(String contentType, String fileName, byte[] bytes) {}
}
