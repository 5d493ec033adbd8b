/**
 * The RingTrader engine core: instruments, fixed-point money, ring events, pipeline, order book,
 * configuration and telemetry. Depends on no other RingTrader module.
 */
package io.ringtrader.engine;
