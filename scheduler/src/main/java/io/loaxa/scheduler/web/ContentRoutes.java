package io.loaxa.scheduler.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.Loudness;
import io.loaxa.audio.PcmClip;
import io.loaxa.scheduler.ContentLibrary;
import io.loaxa.scheduler.ContentLibrary.Approval;
import io.loaxa.scheduler.accounts.Role;
import io.loaxa.scheduler.planning.SchedulePlanner;
import io.loaxa.schedules.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content library over the API: recordings uploaded, checked by their bytes and decoded end to
 * end before they are kept, listed with their length and loudness, downloaded and deleted; speech
 * texts read and written; and, when the station has {@code approval: on}, what an operator puts in
 * waits for an approver before it may air. No name from a request reaches the file system as it
 * came: the server checks it and chooses the stored name, always inside the content folder.
 */
public final class ContentRoutes implements RouteGroup {
  private static final Logger LOG = LoggerFactory.getLogger(ContentRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The largest recording taken unless the station says otherwise: about 30 minutes of 128 kbit/s MP3. */
  public static final long DEFAULT_MAX_UPLOAD = 32L * 1024 * 1024;
  static final int MAX_TEXT = 64 * 1024;
  static final String TEXTS = "texts";
  /** What a multipart form adds around the recording: boundaries and part headers. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;
  /** A refused body up to this many times the cap is read to its end so that its sender hears why. */
  private static final long DRAIN_TIMES_CAP = 4;
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} ._()-]{0,99}");

  private final Path folder;
  private final ContentLibrary library;
  private final AudioDecoder decoder;
  private final SchedulePlanner planner;
  private final boolean approval;
  private final long maxUpload;
  private final Clock clock;
  private final Object files = new Object();
  private Routes routes;

  /**
   * @param folder the station's content folder
   * @param approval {@code approval: on}: an operator's content is pending until an approver accepts it
   * @param maxUpload the largest recording accepted, in bytes; larger is refused with 413
   */
  public ContentRoutes(Path folder, ContentLibrary library, AudioDecoder decoder, SchedulePlanner planner, boolean approval,
      long maxUpload, Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.library = library;
    this.decoder = decoder;
    this.planner = planner;
    this.approval = approval;
    this.maxUpload = maxUpload;
    this.clock = clock;
  }

  @Override
  public void register(Routes routes) {
    this.routes = routes;
    routes.get("/api/content", Routes.ANY, (ctx, who) -> list(ctx));
    routes.post("/api/content", Routes.OPERATE, this::upload);
    routes.get("/api/content/{name}", Routes.ANY, (ctx, who) -> download(recording(ctx.pathParam("name"))));
    routes.delete("/api/content/{name}", Routes.OPERATE, (ctx, who) -> delete(ctx, who, recording(ctx.pathParam("name"))));
    routes.post("/api/content/{name}/approve", Routes.APPROVE,
        (ctx, who) -> decide(ctx, who, recording(ctx.pathParam("name")), Approval.APPROVED));
    routes.post("/api/content/{name}/reject", Routes.APPROVE,
        (ctx, who) -> decide(ctx, who, recording(ctx.pathParam("name")), Approval.REJECTED));
    routes.get("/api/content/texts/{name}", Routes.ANY, (ctx, who) -> readText(text(ctx.pathParam("name"))));
    routes.put("/api/content/texts/{name}", Routes.OPERATE, (ctx, who) -> writeText(ctx, who, text(ctx.pathParam("name"))));
    routes.post("/api/content/texts/{name}/approve", Routes.APPROVE,
        (ctx, who) -> decide(ctx, who, text(ctx.pathParam("name")), Approval.APPROVED));
    routes.post("/api/content/texts/{name}/reject", Routes.APPROVE,
        (ctx, who) -> decide(ctx, who, text(ctx.pathParam("name")), Approval.REJECTED));
  }

  // ---- names ------------------------------------------------------------------------------------

  /**
   * A file name as the operator gave it, checked: one name, no folder, no way out of the content
   * folder. Returns it in Unicode NFC.
   */
  static String checkedName(String given) {
    if (given == null || given.isBlank()) {
      throw new ApiException(400, "cần tên tệp, ví dụ ban-tin-sang.mp3 (a file name is required)", "name");
    }
    String name = Normalizer.normalize(given.strip(), Normalizer.Form.NFC);
    if (name.contains("/") || name.contains("\\") || name.contains("\0") || name.startsWith(".") || name.contains("..")
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException(400, "tên tệp '" + printable(name) + "' không được chứa đường dẫn, '..', '\\' hay ký tự điều khiển; "
          + "chỉ một tên như ban-tin-sang.mp3 (a file name, not a path)", "name");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ApiException(400, "tên tệp '" + printable(name) + "' chỉ gồm chữ, số, dấu cách, '.', '-', '_' và tối đa 100 ký tự "
          + "(letters, digits, spaces, '.', '-', '_'; at most 100 characters)", "name");
    }
    return name;
  }

  private static String printable(String name) {
    return name.replaceAll("\\p{Cntrl}", "?");
  }

  /** The name the server stores a recording under: the given name without its extension, and the kind's own. */
  static String storedName(String checked, AudioKind kind) {
    int dot = checked.lastIndexOf('.');
    String base = (dot > 0 ? checked.substring(0, dot) : checked).strip().replace(' ', '-');
    return base + "." + kind.extension;
  }

  /** A recording's path in the content folder, for a name in a request path. */
  private String recording(String name) {
    return inside(checkedName(name));
  }

  /** A speech text's path in the content folder: {@code texts/NAME.txt}. */
  private String text(String name) {
    String checked = checkedName(name);
    if (!checked.toLowerCase(Locale.ROOT).endsWith(".txt")) {
      checked = checked + ".txt";
    }
    return inside(TEXTS + "/" + checked);
  }

  /** {@code relative} as a path inside the content folder; anything resolving outside is refused. */
  private String inside(String relative) {
    Path p = folder.resolve(relative).normalize();
    if (!p.startsWith(folder) || p.equals(folder)) {
      throw new ApiException(400, "tên tệp nằm ngoài thư mục nội dung (the name leaves the content folder)", "name");
    }
    return folder.relativize(p).toString();
  }

  // ---- recordings -------------------------------------------------------------------------------

  private Object list(Context ctx) {
    String only = ctx.queryParam("approval");
    List<Object> out = new ArrayList<>();
    for (ContentLibrary.Item item : library.all()) {
      if (only == null || only.equalsIgnoreCase(item.approval().key())) {
        out.add(json(item));
      }
    }
    return out;
  }

  private static Map<String, Object> json(ContentLibrary.Item item) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", item.path());
    out.put("bytes", item.bytes());
    out.put("lengthSeconds", item.length().toMillis() / 1000.0);
    out.put("loudnessLufs", item.loudnessLufs().map(l -> Math.round(l * 10) / 10.0).orElse(null));
    out.put("uploadedBy", item.uploadedBy());
    out.put("uploadedAt", item.uploadedAt().toString());
    out.put("approval", item.approval().key());
    out.put("decidedBy", item.decidedBy().orElse(null));
    out.put("reason", item.reason().orElse(null));
    return out;
  }

  private Object upload(Context ctx, ApiServer.Principal who) throws IOException {
    try {
      return receive(ctx, who);
    } catch (ApiException e) {
      // a refusal before the whole body was read: read and discard the rest so that the client,
      // still sending, gets the answer and its reason instead of a reset connection (a phone's
      // browser shows nothing then). A body of more than four times the cap is not read to its
      // end: the connection is closed after the answer, and such a client may see a reset.
      if (!drained(ctx, e.status == 413 ? DRAIN_TIMES_CAP * maxUpload : maxUpload)) {
        ctx.header("Connection", "close");
      }
      throw e;
    }
  }

  /** Reads and discards what is left of the request body, up to {@code limit}; true when it ended within it. */
  private boolean drained(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit + MULTIPART_OVERHEAD) {
      return false;
    }
    long left = limit + MULTIPART_OVERHEAD;
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = ctx.req().getInputStream();
      for (int n; (n = in.read(buffer)) > 0; ) {
        left -= n;
        if (left < 0) {
          return false;
        }
      }
      return true;
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  private Object receive(Context ctx, ApiServer.Principal who) throws IOException {
    boolean replace = "true".equals(ctx.queryParam("replace"));
    boolean multipart = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxUpload + (multipart ? MULTIPART_OVERHEAD : 0)) {
      throw tooLarge();
    }
    Files.createDirectories(folder);
    Optional<jakarta.servlet.http.Part> form = multipart ? Optional.of(filePart(ctx)) : Optional.empty();
    try {
      String given = Optional.ofNullable(ctx.queryParam("name")).or(() -> Optional.ofNullable(ctx.header("X-File-Name")))
          .or(() -> form.map(jakarta.servlet.http.Part::getSubmittedFileName)).orElse(null);
      String name = checkedName(given);
      InputStream body = form.isPresent() ? form.get().getInputStream() : ctx.req().getInputStream();
      return keep(ctx, who, name, body, replace);
    } finally {
      if (form.isPresent()) {
        form.get().delete();
      }
    }
  }

  /** The {@code file} part of a multipart form, spooled to a hidden folder beside the content and capped. */
  private jakarta.servlet.http.Part filePart(Context ctx) throws IOException {
    Path spool = Files.createDirectories(folder.resolve(".uploads"));
    ctx.req().setAttribute("org.eclipse.jetty.multipartConfig",
        new jakarta.servlet.MultipartConfigElement(spool.toString(), maxUpload, maxUpload + MULTIPART_OVERHEAD, 256 * 1024));
    jakarta.servlet.http.Part part;
    try {
      part = ctx.req().getPart("file");
    } catch (jakarta.servlet.ServletException | IllegalStateException | IOException e) {
      String why = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (why.contains("exceed") || why.contains("too large") || why.contains("max")) {
        throw tooLarge();
      }
      LOG.warn("multipart upload from {} unreadable: {}", ctx.ip(), e.toString());
      throw new ApiException(400, "biểu mẫu tải lên không đọc được (the upload form cannot be read)", "file");
    }
    if (part == null) {
      throw new ApiException(400, "biểu mẫu cần phần 'file' chứa bản ghi (the form needs a 'file' part)", "file");
    }
    if (part.getSize() > maxUpload) {
      part.delete();
      throw tooLarge();
    }
    return part;
  }

  private Object keep(Context ctx, ApiServer.Principal who, String name, InputStream body, boolean replace) throws IOException {
    Path part = Files.createTempFile(folder, ".upload-", ".part");
    try {
      long size = copyCapped(body, part);
      AudioKind kind = sniff(part).orElseThrow(() -> new ApiException(415, "'" + name + "' không phải bản ghi WAV, MP3, Ogg "
          + "hay FLAC — nhận biết theo nội dung tệp, không theo đuôi tên (not a WAV, MP3, Ogg or FLAC recording, judged by "
          + "its bytes, not its name)", "file"));
      PcmClip clip;
      try {
        clip = decoder.decode(part);
      } catch (AudioException e) {
        LOG.warn("upload '{}' from {} refused: {}", name, who.name(), e.getMessage());
        throw new ApiException(422, "'" + name + "' có vẻ là " + kind.extension.toUpperCase(Locale.ROOT)
            + " nhưng không phát được trọn vẹn: tệp hỏng hoặc thiếu (it looks like " + kind.extension
            + " but does not play to the end: corrupt or truncated)", "file");
      }
      Duration length = clip.duration();
      double lufs = Loudness.integratedLufs(clip);
      String stored = inside(storedName(name, kind));
      synchronized (files) {
        Path target = folder.resolve(stored);
        Optional<ContentLibrary.Item> before = library.find(stored);
        if (Files.exists(target) && !replace) {
          throw new ApiException(409, "đã có tệp '" + stored + "'; gửi lại với ?replace=true để thay (already exists)", "name");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Approval state = approvalFor(who);
        ContentLibrary.Item item = new ContentLibrary.Item(stored, size, length,
            Double.isFinite(lufs) ? Optional.of(lufs) : Optional.empty(), who.name(), clock.instant(), state,
            Optional.empty(), Optional.empty(), Optional.empty());
        library.put(item);
        routes.audit(ctx, who, "content.upload " + stored, before.map(ContentRoutes::describe).orElse(""), describe(item), true);
        return json(item);
      }
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private Approval approvalFor(ApiServer.Principal who) {
    return approval && who.role() == Role.OPERATOR ? Approval.PENDING : Approval.APPROVED;
  }

  private static String describe(ContentLibrary.Item item) {
    return item.bytes() + " bytes, " + item.length().toMillis() / 1000.0 + " s, "
        + item.loudnessLufs().map(l -> String.format(Locale.ROOT, "%.1f LUFS", l)).orElse("no loudness") + ", "
        + item.approval().key() + item.reason().map(r -> " (" + r + ")").orElse("");
  }

  private ApiException tooLarge() {
    return new ApiException(413, "tệp quá lớn: tối đa " + maxUpload / (1024 * 1024) + " MiB (the recording is larger than "
        + maxUpload / (1024 * 1024) + " MiB)", "file");
  }

  /** Copies the body to {@code part}, refusing it with 413 the moment it passes the cap. */
  private long copyCapped(InputStream in, Path part) throws IOException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(part)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxUpload) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
    }
    if (total == 0) {
      throw new ApiException(400, "tệp rỗng (the recording is empty)", "file");
    }
    return total;
  }

  private static Optional<AudioKind> sniff(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      byte[] head = read(ch, 0, 10);
      long skip = AudioKind.id3Length(head);
      return AudioKind.sniff(read(ch, skip, AudioKind.HEAD));
    }
  }

  private static byte[] read(SeekableByteChannel ch, long at, int count) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(count);
    ch.position(at);
    while (b.hasRemaining() && ch.read(b) > 0) {
      // read until full or the end
    }
    byte[] out = new byte[b.position()];
    b.flip();
    b.get(out);
    return out;
  }

  private Object download(String path) throws IOException {
    Path file = folder.resolve(path);
    if (!Files.isRegularFile(file)) {
      throw new ApiException(404, "không có tệp '" + path + "' (no such file)", "name");
    }
    String type = sniff(file).map(k -> k.contentType)
        .orElse(path.endsWith(".txt") ? "text/plain; charset=utf-8" : "application/octet-stream");
    return new Routes.Download(type, file.getFileName().toString(), Files.readAllBytes(file));
  }

  private Object delete(Context ctx, ApiServer.Principal who, String path) throws IOException {
    synchronized (files) {
      Path file = folder.resolve(path);
      if (!Files.isRegularFile(file)) {
        throw new ApiException(404, "không có tệp '" + path + "' (no such file)", "name");
      }
      List<String> users = programmesUsing(file);
      if (!users.isEmpty()) {
        routes.audit(ctx, who, "content.delete " + path, "", "refused: used by " + users, false);
        throw new ApiException(409, "tệp '" + path + "' đang được lịch phát dùng trong chương trình " + String.join(", ", users)
            + "; bỏ nó khỏi lịch trước (the schedule uses it)", "name");
      }
      Optional<ContentLibrary.Item> before = library.find(path);
      Files.delete(file);
      library.remove(path);
      routes.audit(ctx, who, "content.delete " + path, before.map(ContentRoutes::describe).orElse("untracked"), "deleted", true);
      return Map.of("deleted", path);
    }
  }

  /** The programmes of the stored schedule that play {@code file}. */
  private List<String> programmesUsing(Path file) {
    return planner.current().map(s -> s.programmes().stream()
        .filter(p -> p.segments().stream().flatMap(ContentRoutes::paths).anyMatch(x -> folder.resolve(x).normalize().equals(file)))
        .map(p -> p.key().value())
        .toList()).orElse(List.of());
  }

  private static Stream<String> paths(Segment s) {
    if (s instanceof Segment.File f) {
      return Stream.of(f.path());
    }
    if (s instanceof Segment.Speech sp) {
      return Stream.of(sp.path());
    }
    return Stream.empty();
  }

  // ---- approval ---------------------------------------------------------------------------------

  private Object decide(Context ctx, ApiServer.Principal who, String path, Approval decision) {
    Optional<String> reason = Optional.empty();
    if (decision == Approval.REJECTED) {
      String r = JavalinApi.text(JavalinApi.body(ctx, java.util.Set.of("reason")), "reason").map(String::strip).orElse("");
      if (r.isEmpty()) {
        throw new ApiException(400, "cần lý do từ chối (a reason is required)", "reason");
      }
      reason = Optional.of(r);
    }
    synchronized (files) {
      ContentLibrary.Item before = library.find(path)
          .orElseThrow(() -> new ApiException(404, "không có tệp '" + path + "' (no such file)", "name"));
      library.decide(path, decision, who.name(), clock.instant(), reason);
      ContentLibrary.Item after = library.find(path).orElseThrow();
      routes.audit(ctx, who, "content." + (decision == Approval.APPROVED ? "approve " : "reject ") + path, describe(before),
          describe(after), true);
      return json(after);
    }
  }

  // ---- speech texts -----------------------------------------------------------------------------

  private Object readText(String path) throws IOException {
    Path file = folder.resolve(path);
    if (!Files.isRegularFile(file)) {
      throw new ApiException(404, "không có văn bản '" + path + "' (no such text)", "name");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", path);
    out.put("text", Files.readString(file, StandardCharsets.UTF_8));
    out.put("approval", library.find(path).map(i -> i.approval().key()).orElse(Approval.APPROVED.key()));
    return out;
  }

  private Object writeText(Context ctx, ApiServer.Principal who, String path) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    String text;
    if (Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")) {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.path("text").isTextual()) {
        throw new ApiException(400, "cần trường 'text' (text is required)", "text");
      }
      text = node.get("text").asText();
    } else {
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body)).toString();
      } catch (CharacterCodingException e) {
        throw new ApiException(400, "văn bản phải là UTF-8 (the text must be UTF-8)", "text");
      }
    }
    if (text.isBlank()) {
      throw new ApiException(400, "văn bản rỗng (the text is empty)", "text");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_TEXT) {
      throw new ApiException(413, "văn bản quá dài: tối đa " + MAX_TEXT / 1024 + " KiB (the text is too long)", "text");
    }
    synchronized (files) {
      Path file = folder.resolve(path);
      Files.createDirectories(file.getParent());
      Optional<String> before = Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
      Path part = Files.createTempFile(file.getParent(), ".text-", ".part");
      try {
        Files.write(part, bytes);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
      ContentLibrary.Item item = new ContentLibrary.Item(path, bytes.length, Duration.ZERO, Optional.empty(), who.name(),
          clock.instant(), approvalFor(who), Optional.empty(), Optional.empty(), Optional.empty());
      library.put(item);
      routes.audit(ctx, who, "content.text " + path, before.orElse(""), text, true);
      return readText(path);
    }
  }
}
