package io.loaxa.scheduler;

/**
 * The service manager that started the daemon (systemd on a station computer), told when the
 * station is ready, what it is doing, that it is alive, and that it is stopping.
 */
public interface ServiceSupervisor {
  /** No service manager: the daemon was started by hand. */
  ServiceSupervisor NONE = new ServiceSupervisor() {
    @Override
    public void ready(String status) {}

    @Override
    public void status(String status) {}

    @Override
    public void alive() {}

    @Override
    public void stopping() {}
  };

  void ready(String status);

  void status(String status);

  /** The watchdog ping: sent only while the scheduler is healthy. */
  void alive();

  void stopping();
}
