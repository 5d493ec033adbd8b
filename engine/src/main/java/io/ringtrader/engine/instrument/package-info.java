/**
 * Venues and instruments. Instruments are identified by dense {@code int} ids everywhere inside the
 * engine; venue symbols are mapped to ids only at the edge, by the decoders, through
 * {@link io.ringtrader.engine.instrument.InstrumentRegistry}.
 */
package io.ringtrader.engine.instrument;
