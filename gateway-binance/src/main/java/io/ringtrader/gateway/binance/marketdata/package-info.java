/**
 * Allocation-free decoding of Binance USDⓈ-M market data: one reused decoder per message type (depthUpdate and its
 * fast path, the REST depth snapshot, bookTicker, aggTrade/trade, kline, markPrice) over the common scanner and
 * staging ({@code io.ringtrader.gateway.common.marketdata}), each validating a whole message before anything is
 * published.
 */
package io.ringtrader.gateway.binance.marketdata;
