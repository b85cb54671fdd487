/**
 * FreeTTS, the embedded pure-Java speech engine used where espeak-ng is missing. English only: it
 * never reads Vietnamese without the operator's consent. The only package that imports FreeTTS.
 */
package io.loaxa.audio.freetts;
