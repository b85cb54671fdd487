package io.loaxa.scheduler.airing;

import io.loaxa.scheduler.AirRequest;
import io.loaxa.scheduler.Trigger;
import io.loaxa.schedules.PlannedAiring;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an emergency (bản tin khẩn) goes on air, whoever sends it — the operator's page
 * ({@code POST /api/emergency}) or the province hub: planned with its repeats by
 * {@link ManualAiring}, the repeats handed to the triggers at once, and the first airing run by the
 * {@link AiringRunner} on a thread of its own, so the caller answers at once while the runner's
 * priorities and pre-emption decide what the hamlets hear.
 */
public final class EmergencyAnnouncements implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmergencyAnnouncements.class);

  private final ManualAiring manual;
  private final AiringRunner runner;
  private final Runnable refreshTriggers;
  private final ExecutorService air;

  /**
   * @param refreshTriggers hands newly planned airings to the triggers now, not at the next tick
   * @param threadName the name of the threads that air the first airing
   */
  public EmergencyAnnouncements(ManualAiring manual, AiringRunner runner, Runnable refreshTriggers, String threadName) {
    this.manual = manual;
    this.runner = runner;
    this.refreshTriggers = refreshTriggers;
    this.air = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Plans the announcement and its repeats and starts the first airing.
   *
   * @param planned told of the series once it is planned, before the first airing starts
   * @throws io.loaxa.scheduler.UserError when the request cannot be planned (what is wrong, for the sender)
   */
  public ManualAiring.Series announce(AirRequest request, Consumer<ManualAiring.Series> planned) {
    ManualAiring.Series series = manual.planSeries(request);
    planned.accept(series);
    if (series.airings().size() > 1) {
      refreshTriggers.run(); // the repeats go to the triggers now, not at the next tick
    }
    PlannedAiring first = series.airings().get(0);
    air.execute(() -> {
      try {
        runner.runWhenDue(first.key(), Trigger.MANUAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("emergency {} could not be aired: {}", first.key(), e.getMessage(), e);
      }
    });
    return series;
  }

  @Override
  public void close() {
    air.shutdownNow();
  }
}
