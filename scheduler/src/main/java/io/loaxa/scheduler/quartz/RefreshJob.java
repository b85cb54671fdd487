package io.loaxa.scheduler.quartz;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Runs the daemon's periodic re-planning. */
final class RefreshJob implements Job {
  private final Runnable refresh;

  RefreshJob(Runnable refresh) {
    this.refresh = refresh;
  }

  @Override
  public void execute(JobExecutionContext context) {
    refresh.run();
  }
}
