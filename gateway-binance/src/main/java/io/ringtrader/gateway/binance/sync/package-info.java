/** Local order-book synchronisation with Binance's depth stream and REST snapshots. */
package io.ringtrader.gateway.binance.sync;
