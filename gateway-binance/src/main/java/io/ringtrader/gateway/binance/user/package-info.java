/**
 * Binance USDⓈ-M user data stream: the allocation-free
 * {@link io.ringtrader.gateway.binance.user.UserStreamDecoder} (order updates to execution reports, account
 * updates to a position listener, listen-key expiry), the staged
 * {@link io.ringtrader.gateway.binance.user.ExecutionReport} shared with the REST order entry, and our client order
 * ids on the venue ({@link io.ringtrader.gateway.binance.user.ClientOrderIds}): {@code rt-<session tag>-<id>}, the
 * engine's deterministic {@code long} id scoped by a tag new with each gateway, so that updates of another session's
 * orders (an order an earlier run left open) are counted apart and never taken for this session's.
 */
package io.ringtrader.gateway.binance.user;
