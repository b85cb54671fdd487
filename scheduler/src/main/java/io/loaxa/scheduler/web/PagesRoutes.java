package io.loaxa.scheduler.web;

import io.javalin.http.Context;
import io.loaxa.scheduler.web.uplot.UplotWebjar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operator's pages (on air now, emergency, content, log and reports, login, users), served from
 * the jar: plain HTML, CSS and JavaScript modules under {@code ui/} beside this class, and the kept
 * libraries' files under fixed {@code vendor-*} names (uPlot's script and style from its webjar, see
 * {@link UplotWebjar}), nothing fetched from elsewhere. Every page is sent with a strict
 * Content-Security-Policy (scripts only from the station, none inline), no framing and no content
 * sniffing. A page that needs a session sends the browser to the login
 * page without one.
 */
public final class PagesRoutes implements RouteGroup {
  static final String LOGIN = "/ui/login.html";
  // media from blob: too: the speech preview's WAV answers a POST, so the page plays it from memory
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; media-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; "
      + "frame-ancestors 'none'";
  /** A flat name with a known kind: nothing else is ever looked up, so no path can climb out of ui/. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.(html|css|js|svg|png|ico)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");
  /** Kept libraries' files: each fixed page name to its resource on the classpath; no other webjar file is served. */
  private static final Map<String, String> VENDOR = UplotWebjar.assets();
  /** Pages anyone may open: the login page itself. */
  private static final Set<String> OPEN_PAGES = Set.of("login.html");

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  private record Asset(byte[] bytes, String type, String etag) {}

  @Override
  public void register(Routes routes) {
    routes.open("get", "/", ctx -> page(routes, ctx, "index.html"));
    routes.open("get", "/ui/{name}", ctx -> page(routes, ctx, ctx.pathParam("name")));
  }

  private void page(Routes routes, Context ctx, String name) {
    headers(ctx);
    Optional<Asset> asset = NAME.matcher(name).matches() ? asset(name) : Optional.empty();
    if (asset.isEmpty()) {
      JavalinApi.error(ctx, 404, "không có trang này (no such page)", null);
      return;
    }
    boolean isPage = name.endsWith(".html");
    if (isPage && !OPEN_PAGES.contains(name) && routes.who(ctx).isEmpty()) {
      String back = ctx.path();
      ctx.redirect(LOGIN + "?next=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8));
      return;
    }
    Asset a = asset.get();
    ctx.header("ETag", a.etag());
    // pages are looked at again each time (their session check); assets may be reused once confirmed
    ctx.header("Cache-Control", isPage ? "no-store" : "no-cache");
    if (!isPage && a.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(a.type()).result(a.bytes());
  }

  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private Optional<Asset> asset(String name) {
    return cache.computeIfAbsent(name, n -> {
      String resource = VENDOR.getOrDefault(n, "ui/" + n);
      try (InputStream in = PagesRoutes.class.getResourceAsStream(resource)) {
        if (in == null) {
          return Optional.empty();
        }
        byte[] bytes = in.readAllBytes();
        String kind = n.substring(n.lastIndexOf('.') + 1);
        return Optional.of(new Asset(bytes, TYPES.get(kind), "\"" + sha256(bytes).substring(0, 20) + "\""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
