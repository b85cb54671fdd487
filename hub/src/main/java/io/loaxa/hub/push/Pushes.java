package io.loaxa.hub.push;

import io.loaxa.hub.Command;
import io.loaxa.hub.CommandState;
import io.loaxa.hub.HubStore;
import io.loaxa.hub.HubStoreException;
import io.loaxa.hub.Push;
import io.loaxa.hub.StationKey;
import io.loaxa.hub.StationMessage;
import io.loaxa.hub.StationStatus;
import io.loaxa.scheduler.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Turns a push into one signed command per target station and queues them for the dispatcher. */
public final class Pushes {
  private static final Duration DEFAULT_LIFE = Duration.ofHours(1);
  private static final Duration MAX_LIFE = Duration.ofDays(30);

  private final HubStore store;
  private final HubStore.Signer signer;
  private final Dispatch dispatch;
  private final Clock clock;

  public Pushes(HubStore store, HubStore.Signer signer, Dispatch dispatch, Clock clock) {
    this.store = store;
    this.signer = signer;
    this.dispatch = dispatch;
    this.clock = clock;
  }

  /**
   * Queues the push and wakes the dispatcher.
   *
   * @throws UserError naming what to change: an unknown commune, station or hamlet, no target, an expiry in the past
   */
  public Push push(PushRequest r, String who) throws HubStoreException {
    if (r.type() == Command.Type.CANCEL) {
      throw new UserError("dùng lệnh hủy cho một lượt đã gửi (use cancel on a push already sent)");
    }
    if (r.title().isBlank()) {
      throw new UserError("thiếu tiêu đề (title is required)");
    }
    if (r.text().isBlank()) {
      throw new UserError("thiếu nội dung cần đọc (text is required)");
    }
    String priority = r.type() == Command.Type.EMERGENCY ? "EMERGENCY" : r.priority();
    if (!Set.of("NORMAL", "PRIORITY", "EMERGENCY").contains(priority)) {
      throw new UserError("mức ưu tiên '" + priority + "' không có; dùng NORMAL, PRIORITY hoặc EMERGENCY"
          + " (priority is NORMAL, PRIORITY or EMERGENCY)");
    }
    if (r.type() == Command.Type.BULLETIN && priority.equals("EMERGENCY")) {
      throw new UserError("bản tin khẩn gửi bằng loại emergency (an EMERGENCY goes as type emergency)");
    }
    Instant now = clock.instant();
    Instant last = r.until().or(r::at).orElse(now);
    Instant expires = last.plus(r.expiresIn().orElse(DEFAULT_LIFE));
    if (!expires.isAfter(now)) {
      throw new UserError("thời hạn đã qua (the push would expire before it is sent)");
    }
    if (Duration.between(now, expires).compareTo(MAX_LIFE) > 0) {
      throw new UserError("thời hạn quá 30 ngày (a push lives at most 30 days)");
    }
    Map<StationKey, List<String>> targets = resolve(r.targets(), store.stations());
    Push push = new Push(UUID.randomUUID().toString(), r.type(), priority, r.title().strip(),
        r.category().isBlank() ? (r.type() == Command.Type.EMERGENCY ? "khan-cap" : "ban-tin") : r.category().strip(),
        r.targets(), now, expires, who, Optional.empty());
    List<Command.Draft> drafts = new ArrayList<>();
    targets.forEach((station, zones) -> drafts.add(new Command.Draft(UUID.randomUUID().toString(), push.id(), station,
        r.type(), priority, push.title(), push.category(), zones, r.text().strip(), now, expires, r.at(),
        r.repeatEveryMinutes(), r.until(), Optional.empty())));
    store.queue(push, drafts, signer);
    dispatch.wake();
    return push;
  }

  /**
   * Sends a cancel to every station the push reached that has not refused it.
   *
   * @throws UserError when there is no such push or it is itself a cancel
   */
  public Push cancel(String pushId, String who) throws HubStoreException {
    Push original = store.push(pushId).orElseThrow(() -> new UserError("không có lượt gửi " + pushId + " (no such push)"));
    if (original.type() == Command.Type.CANCEL) {
      throw new UserError("không thể hủy một lệnh hủy (a cancel cannot be cancelled)");
    }
    Instant now = clock.instant();
    Instant expires = original.expiresAt().isAfter(now) ? original.expiresAt() : now.plus(DEFAULT_LIFE);
    Push cancel = new Push(UUID.randomUUID().toString(), Command.Type.CANCEL, original.priority(),
        "Hủy: " + original.title(), original.category(), original.targets(), now, expires, who, Optional.empty());
    List<Command.Draft> drafts = new ArrayList<>();
    for (Command c : store.commands(pushId)) {
      if (c.state() == CommandState.REFUSED || c.state() == CommandState.REJECTED) {
        continue;
      }
      drafts.add(new Command.Draft(UUID.randomUUID().toString(), cancel.id(), c.station(), Command.Type.CANCEL,
          original.priority(), cancel.title(), original.category(), c.zones(), "", now, expires, Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.of(c.id())));
    }
    store.queue(cancel, drafts, signer);
    store.cancelled(pushId, now);
    dispatch.wake();
    return cancel;
  }

  /** Each target station with its hamlet keys ({@code ["*"]} for all of them). */
  static Map<StationKey, List<String>> resolve(Push.Targets t, List<StationStatus> known) {
    Map<StationKey, List<String>> out = new LinkedHashMap<>();
    if (t.all()) {
      if (!t.communes().isEmpty() || !t.hamlets().isEmpty()) {
        throw new UserError("chọn tất cả, hoặc xã, hoặc thôn — không chọn cùng lúc (choose all, communes or hamlets, not several)");
      }
      known.forEach(s -> out.put(s.station(), List.of("*")));
    }
    for (String commune : t.communes()) {
      List<StationStatus> in = known.stream().filter(s -> s.commune().equalsIgnoreCase(commune.strip())).toList();
      if (in.isEmpty()) {
        throw new UserError("không có đài nào của xã '" + commune + "' (no station in commune '" + commune + "')");
      }
      in.forEach(s -> out.put(s.station(), List.of("*")));
    }
    Map<StationKey, Set<String>> hamlets = new LinkedHashMap<>();
    for (Push.Hamlet h : t.hamlets()) {
      StationStatus s = known.stream().filter(k -> k.station().equals(h.station())).findFirst()
          .orElseThrow(() -> new UserError("không có đài '" + h.station() + "' (no station '" + h.station() + "')"));
      if (s.zones().stream().map(StationMessage.Zone::key).noneMatch(h.zone()::equals)) {
        throw new UserError("đài '" + h.station() + "' không có thôn '" + h.zone() + "' (station '" + h.station()
            + "' has no hamlet '" + h.zone() + "')");
      }
      hamlets.computeIfAbsent(s.station(), k -> new LinkedHashSet<>()).add(h.zone());
    }
    hamlets.forEach((station, zones) -> out.putIfAbsent(station, List.copyOf(zones)));
    if (out.isEmpty()) {
      throw new UserError("chưa chọn nơi nhận (no station chosen: all, communes or hamlets)");
    }
    return out;
  }
}
