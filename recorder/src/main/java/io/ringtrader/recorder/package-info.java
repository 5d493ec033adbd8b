/** Chronicle Queue journals of the inbound and outbound rings: codecs, writers and the reader. */
package io.ringtrader.recorder;
