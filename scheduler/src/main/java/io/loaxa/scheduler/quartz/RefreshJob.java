package io.loaxa.scheduler.quartz;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The daemon's periodic housekeeping: re-planning the horizon, or the scheduler's heartbeat. */
final class RefreshJob implements Job {
  static final String KIND = "kind";
  static final String HEARTBEAT = "heartbeat";
  private final Runnable refresh;
  private final Runnable heartbeat;

  RefreshJob(Runnable refresh, Runnable heartbeat) {
    this.refresh = refresh;
    this.heartbeat = heartbeat;
  }

  @Override
  public void execute(JobExecutionContext context) {
    if (HEARTBEAT.equals(context.getMergedJobDataMap().getString(KIND))) {
      heartbeat.run();
    } else {
      refresh.run();
    }
  }
}
