/**
 * YAML files read into position-carrying document trees, through SnakeYAML Engine (YAML 1.2). The
 * only package that imports the YAML library.
 */
package io.loaxa.schedules.yaml;
