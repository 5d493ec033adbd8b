/**
 * The Binance USDⓈ-M WebSocket market-data client: {@link io.ringtrader.gateway.binance.ws.BinanceWsConnection}
 * keeps one logical combined-stream connection alive (handshake, pings, idle detection, reconnect with backoff,
 * resubscription, outgoing rate limit, rotation before the venue's 24 h cut) and hands each text frame, without
 * copying or allocating, to a {@link io.ringtrader.gateway.common.ws.FrameListener} on its Netty event-loop thread;
 * {@link io.ringtrader.gateway.binance.ws.BinanceMarketDataConnections} spreads wanted streams over connections by
 * route ({@link io.ringtrader.gateway.binance.ws.BinanceStreams}).
 */
package io.ringtrader.gateway.binance.ws;
