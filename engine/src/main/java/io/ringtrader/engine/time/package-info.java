/**
 * Time for the engine. Stage logic never reads the wall clock: it reads the time carried by the
 * event, or an {@link org.agrona.concurrent.EpochNanoClock} injected at construction
 * ({@link io.ringtrader.engine.time.SystemEpochNanoClock} live,
 * {@link io.ringtrader.engine.time.ManualEpochNanoClock} in tests and replay).
 */
package io.ringtrader.engine.time;
