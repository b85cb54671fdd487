package io.loaxa.scheduler.quartz;

import io.loaxa.scheduler.airing.AiringRunner;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds our jobs with their collaborators; Quartz never instantiates a job class by reflection. */
final class StationJobFactory implements JobFactory {
  private final AiringRunner runner;
  private volatile Runnable refresh = () -> {};
  private volatile Runnable heartbeat = () -> {};

  StationJobFactory(AiringRunner runner) {
    this.runner = runner;
  }

  void refresh(Runnable refresh) {
    this.refresh = refresh;
  }

  void heartbeat(Runnable heartbeat) {
    this.heartbeat = heartbeat;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type == AiringJob.class) {
      return new AiringJob(runner);
    }
    if (type == RefreshJob.class) {
      return new RefreshJob(refresh, heartbeat);
    }
    throw new SchedulerException("no such station job: " + type.getName());
  }
}
