/**
 * Binance USDⓈ-M over the common WebSocket core ({@code io.ringtrader.gateway.common.ws}):
 * {@link io.ringtrader.gateway.binance.ws.BinanceWsConnection} is one combined-stream connection (or the user data
 * stream) with Binance's protocol (route paths, SUBSCRIBE requests and their replies, the 24 h rotation matched per
 * stream by {@link io.ringtrader.gateway.binance.ws.StreamHandover}) and limits
 * ({@link io.ringtrader.gateway.binance.ws.BinanceWsSettings}); {@link io.ringtrader.gateway.binance.ws.BinanceMarketDataConnections}
 * spreads wanted streams over connections by route ({@link io.ringtrader.gateway.binance.ws.BinanceStreams}) on one
 * IO thread.
 */
package io.ringtrader.gateway.binance.ws;
