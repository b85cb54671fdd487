/**
 * Content approval (duyệt tin): with {@code approval: on}, a recording or speech text an operator
 * puts in airs only once an approver accepts it; one rule asked by the schedule editor, by the
 * operator's own airings and by the runner at air time. An operator's emergency text airs at once
 * unless the station says {@code emergencyBypass: no}; then it is held for an approver too.
 */
package io.loaxa.scheduler.approval;
