/**
 * When airings fire: Quartz on its in-memory store, with triggers rebuilt from the planned-airings
 * table at start and on change. The only package that imports Quartz.
 */
package io.loaxa.scheduler.quartz;
