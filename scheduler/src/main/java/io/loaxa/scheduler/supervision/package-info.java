/**
 * Supervision of the station: the incidents nobody in the commune sees by themselves (a silent relay
 * board, a missing sound card, dead air, audio on the lines outside the schedule, an untrusted clock,
 * a CCHC month at risk, a nearly full disk, a failed morning self-test) and the alerts (cảnh báo) that
 * tell the operator once when each starts and once when it ends. Detectors and the on-air monitor
 * report into {@link io.loaxa.scheduler.supervision.Incidents}; the alert channels (SMS, e-mail) sit
 * behind {@link io.loaxa.scheduler.supervision.AlertChannel}.
 */
package io.loaxa.scheduler.supervision;
