/**
 * Binance USDⓈ-M user data stream: the allocation-free
 * {@link io.ringtrader.gateway.binance.user.UserStreamDecoder} (order updates to execution reports, account
 * updates to a position listener, listen-key expiry), the staged
 * {@link io.ringtrader.gateway.binance.user.ExecutionReport} shared with the REST order entry, and our client order
 * id format ({@link io.ringtrader.gateway.binance.user.ClientOrderIds}).
 */
package io.ringtrader.gateway.binance.user;
