/**
 * Binance USDⓈ-M futures gateway. {@link io.ringtrader.gateway.binance.BinanceFrameDecoder} turns raw
 * WebSocket frames and REST snapshot bodies into inbound ring events: decoders in
 * {@code .marketdata}, the documented local-book synchronisation and the partial books in {@code .sync}, and the
 * import of raw captures (hftbacktest, cryptofeed) through the same decoders in {@code .capture}. Order entry, REST
 * snapshots, open interest and the listen key are in {@code .rest}; the user data stream decoder in {@code .user}.
 */
package io.ringtrader.gateway.binance;
