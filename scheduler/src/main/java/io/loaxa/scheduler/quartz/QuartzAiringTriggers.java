package io.loaxa.scheduler.quartz;

import io.loaxa.scheduler.airing.AiringRunner;
import io.loaxa.scheduler.AiringTriggers;
import io.loaxa.scheduler.Trigger;
import io.loaxa.schedules.PlannedAiringKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AiringTriggers} on Quartz's in-memory job store. */
public final class QuartzAiringTriggers implements AiringTriggers {
  private static final Logger LOG = LoggerFactory.getLogger(QuartzAiringTriggers.class);
  private static final String AIRINGS = "airings";
  private final Scheduler scheduler;
  /** Quartz's own threads beat every this often; a beat older than {@link #HEARTBEAT_STALE} means they are stuck. */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);
  static final Duration HEARTBEAT_STALE = Duration.ofSeconds(30);
  private final StationJobFactory jobs;
  private final java.util.concurrent.atomic.AtomicLong lastBeatNanos = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
  private boolean stopped;

  public QuartzAiringTriggers(AiringRunner runner, String stationName) {
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "loaxa-" + Integer.toHexString(System.identityHashCode(this)));
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    // an airing that fires late is still handed to the runner, which applies the programme's late tolerance
    p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
    try {
      scheduler = new StdSchedulerFactory(p).getScheduler();
      jobs = new StationJobFactory(runner);
      scheduler.setJobFactory(jobs);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz could not be set up for " + stationName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void start(Runnable refresh, Duration refreshEvery) {
    jobs.refresh(refresh);
    jobs.heartbeat(() -> lastBeatNanos.set(System.nanoTime()));
    try {
      // monotonic time: a wall-clock jump must not look like a stuck scheduler
      scheduler.scheduleJob(JobBuilder.newJob(RefreshJob.class).withIdentity("heartbeat", "station")
              .usingJobData(RefreshJob.KIND, RefreshJob.HEARTBEAT).build(),
          TriggerBuilder.newTrigger().withIdentity("heartbeat", "station").startNow()
              .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                  .withIntervalInMilliseconds(HEARTBEAT.toMillis()).repeatForever()
                  .withMisfireHandlingInstructionNextWithRemainingCount())
              .build());
      JobDetail job = JobBuilder.newJob(RefreshJob.class).withIdentity("refresh", "station").build();
      scheduler.scheduleJob(job, TriggerBuilder.newTrigger().withIdentity("refresh", "station")
          .startAt(new Date(System.currentTimeMillis() + refreshEvery.toMillis()))
          .withSchedule(SimpleScheduleBuilder.simpleSchedule()
              .withIntervalInMilliseconds(refreshEvery.toMillis()).repeatForever()
              .withMisfireHandlingInstructionNextWithRemainingCount())
          .build());
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void plan(PlannedAiringKey key, Instant fireAt, Trigger trigger) {
    JobKey jobKey = new JobKey(key.value(), AIRINGS);
    try {
      if (scheduler.checkExists(jobKey)) {
        return;
      }
      JobDetail job = JobBuilder.newJob(AiringJob.class).withIdentity(jobKey)
          .usingJobData(AiringJob.KEY, key.value()).usingJobData(AiringJob.TRIGGER, trigger.name()).build();
      scheduler.scheduleJob(job, TriggerBuilder.newTrigger().withIdentity(key.value(), AIRINGS)
          .startAt(Date.from(fireAt))
          .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
          .build());
    } catch (SchedulerException e) {
      LOG.error("could not plan {} at {}: {}", key, fireAt, e.getMessage());
    }
  }

  @Override
  public void cancel(PlannedAiringKey key) {
    try {
      scheduler.deleteJob(new JobKey(key.value(), AIRINGS));
    } catch (SchedulerException e) {
      LOG.error("could not drop the trigger of {}: {}", key, e.getMessage());
    }
  }

  @Override
  public void hold() {
    try {
      scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(AIRINGS));
    } catch (SchedulerException e) {
      LOG.error("could not hold the airing triggers: {}", e.getMessage());
    }
  }

  @Override
  public void release() {
    try {
      scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(AIRINGS));
    } catch (SchedulerException e) {
      LOG.error("could not release the airing triggers: {}", e.getMessage());
    }
  }

  @Override
  public boolean healthy() {
    try {
      boolean running = scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
      return running && System.nanoTime() - lastBeatNanos.get() < HEARTBEAT_STALE.toNanos();
    } catch (SchedulerException e) {
      return false;
    }
  }

  @Override
  public Set<String> pending() {
    try {
      Set<String> keys = new TreeSet<>();
      for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(AIRINGS))) {
        keys.add(k.getName());
      }
      return keys;
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void stop(Duration grace) {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      scheduler.standby();
      scheduler.shutdown(!grace.isZero());
    } catch (SchedulerException e) {
      LOG.warn("Quartz shutdown: {}", e.getMessage());
    }
  }
}
