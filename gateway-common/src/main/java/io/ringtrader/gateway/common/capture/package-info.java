/**
 * Raw-frame capture shared by the gateways: the source ids a gateway journals its raw frames and REST bodies under
 * ({@link io.ringtrader.gateway.common.capture.RawSources}, the recorder's {@code raw/} queue), reading that queue back
 * as a capture ({@link io.ringtrader.gateway.common.capture.RawJournalCaptureReader}), capture files line by line
 * ({@link io.ringtrader.gateway.common.capture.CaptureLineReader}), and the listener a capture's rows go to
 * ({@link io.ringtrader.gateway.common.capture.CaptureListener}).
 */
package io.ringtrader.gateway.common.capture;
