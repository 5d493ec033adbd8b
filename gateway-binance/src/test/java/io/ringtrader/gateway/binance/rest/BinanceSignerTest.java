package io.ringtrader.gateway.binance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Binance's own worked examples ("SIGNED Endpoint Examples for POST /fapi/v1/order - HMAC Keys", USDⓈ-M futures
 * general info): secret {@code 2b5e...b4d9}, params symbol=BTCUSDT, side=BUY, type=LIMIT, timeInForce=GTC,
 * quantity=1, price=9000, recvWindow=5000, timestamp=1591702613943.
 */
class BinanceSignerTest {
    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    @Test
    void shouldSignTheDocumentedQueryStringExample() {
        assertEquals("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9", new BinanceSigner(SECRET).sign(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943", ""));
    }

    @Test
    void shouldSignTheDocumentedRequestBodyExample() {
        assertEquals("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9", new BinanceSigner(SECRET).sign("",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"));
    }

    /** Example 3: query and body joined without '&'; the docs' body has a space after "timestamp=", kept as printed. */
    @Test
    void shouldSignTheDocumentedMixedExampleWithoutAnAmpersandBetweenQueryAndBody() {
        assertEquals("f9d0ae5e813ef6ccf15c2b5a434047a0181cb5a342b903b367ca6d27a66e36f2", new BinanceSigner(SECRET).sign(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC",
            "quantity=1&price=9000&recvWindow=5000&timestamp= 1591702613943"));
    }

    @Test
    void shouldGiveTheSameSignatureWhenReused() {
        final BinanceSigner signer = new BinanceSigner(SECRET);
        final String first = signer.sign("a=1", "");
        signer.sign("b=2", "");
        assertEquals(first, signer.sign("a=1", ""));
    }
}
