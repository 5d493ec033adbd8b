/**
 * Import of raw Binance USDⓈ-M captures (hftbacktest, cryptofeed) through the live decoders and book sync
 * into a journal, with a top-of-book cross-check against the venue's bookTicker.
 */
package io.ringtrader.gateway.binance.capture;
