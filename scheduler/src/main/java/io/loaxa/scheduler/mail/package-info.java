/**
 * E-mail alerts (cảnh báo qua thư điện tử): the station's incidents sent over SMTP to the commune's
 * culture and information officers, through Eclipse Angus Mail (Jakarta Mail). The only package that
 * imports {@code jakarta.mail}.
 */
package io.loaxa.scheduler.mail;
