/**
 * Binance USDⓈ-M REST: {@link io.ringtrader.gateway.binance.rest.BinanceRestClient} (the endpoints, HMAC-signed
 * requests and the {@code X-MBX-*} rate-limit headers over the common
 * {@link io.ringtrader.gateway.common.rest.RestClientBase}: its own executor, server-time offset, rate limits,
 * 429/418/503 handling),
 * {@link io.ringtrader.gateway.binance.rest.BinanceOrderEntry} (the live venue stage: order commands to REST,
 * outcomes to execution reports), {@link io.ringtrader.gateway.binance.rest.ListenKeyKeeper} (the user stream's
 * listen key) and {@link io.ringtrader.gateway.binance.rest.OpenInterestPoller}. Nothing here runs on a ring
 * thread: ring threads only hand work over.
 */
package io.ringtrader.gateway.binance.rest;
