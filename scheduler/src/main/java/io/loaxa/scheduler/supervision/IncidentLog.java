package io.loaxa.scheduler.supervision;

/** Where incidents are kept: append-only, a start row and an end row, like the airing log. */
public interface IncidentLog {
  void started(Incident incident);

  void ended(Incident incident);

  IncidentLog NONE = new IncidentLog() {
    @Override
    public void started(Incident incident) {}

    @Override
    public void ended(Incident incident) {}
  };
}
