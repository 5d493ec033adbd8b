/**
 * Allocation-free decoding of Binance USDⓈ-M market data: a strict JSON scanner over the frame bytes, one
 * reused decoder per message type that validates a whole message before anything is published, and the
 * translators that fill inbound ring slots from the decoders' staging.
 */
package io.ringtrader.gateway.binance.marketdata;
