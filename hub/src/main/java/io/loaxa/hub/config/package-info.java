/**
 * The hub's configuration file (HUB.yaml), read through the schedules' positioned YAML reading:
 * every problem refused with file:line:column and the field named, all of them at once.
 */
package io.loaxa.hub.config;
