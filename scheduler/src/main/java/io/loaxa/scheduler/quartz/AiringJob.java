package io.loaxa.scheduler.quartz;

import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.Trigger;
import io.loaxa.schedules.PlannedAiringKey;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Quartz decides when; this one line hands the planned airing's key to the runner. */
final class AiringJob implements Job {
  static final String KEY = "plannedKey";
  static final String TRIGGER = "trigger";
  private final AiringRunner runner;

  AiringJob(AiringRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      runner.run(new PlannedAiringKey(context.getMergedJobDataMap().getString(KEY)),
          context.getScheduledFireTime().toInstant(),
          Trigger.valueOf(context.getMergedJobDataMap().getString(TRIGGER)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
