/** Local order books from Binance's depth streams: diffs kept in sync with REST snapshots, or partial books. */
package io.ringtrader.gateway.binance.sync;
