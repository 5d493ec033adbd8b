/**
 * Allocation-free decoding into ring slots, for any venue: a strict JSON scanner over the frame bytes
 * ({@link io.ringtrader.gateway.common.marketdata.JsonScanner}), decimal text to mantissas
 * ({@link io.ringtrader.gateway.common.marketdata.Decimals}, level arrays by
 * {@link io.ringtrader.gateway.common.marketdata.LevelsParser}), book updates staged off the ring
 * ({@link io.ringtrader.gateway.common.marketdata.DepthStaging}) and published through static translators
 * ({@link io.ringtrader.gateway.common.marketdata.BookTranslators}, gateway status by
 * {@link io.ringtrader.gateway.common.marketdata.GatewayStatusTranslator}) into an
 * {@link io.ringtrader.gateway.common.marketdata.EventSink}, and the outcome of every frame counted by
 * {@link io.ringtrader.gateway.common.marketdata.DecodeOutcomes}. A venue's decoders (which keys, which shapes) live in
 * its gateway's own {@code marketdata} package.
 */
package io.ringtrader.gateway.common.marketdata;
