/**
 * The hub's part of the HTTP API, on the station's server and conventions (roles, CSRF, audit, the
 * one error shape, {@code /api/openapi.json}): the stations and their health, pushing and
 * cancelling, each push's delivery and airing per station, and the province report.
 */
package io.loaxa.hub.web;
