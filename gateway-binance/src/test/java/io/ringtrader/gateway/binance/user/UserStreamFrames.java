package io.ringtrader.gateway.binance.user;

import io.ringtrader.gateway.binance.TestClientOrderIds;

/**
 * User data stream payloads from Binance's USDⓈ-M futures documentation ("Event: Order Update", "Event: Balance and
 * Position Update", "Event: User Data Stream Expired"), typed in with the comments removed, plus variants of them
 * that carry our client order id.
 */
final class UserStreamFrames {
    /** The documented ORDER_TRADE_UPDATE example, as published (client id "TEST": not ours). */
    static final String ORDER_TRADE_UPDATE_DOCS = "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,"
        + "\"o\":{\"s\":\"BTCUSDT\",\"c\":\"TEST\",\"S\":\"SELL\",\"o\":\"TRAILING_STOP_MARKET\",\"f\":\"GTC\",\"q\":\"0.001\","
        + "\"p\":\"0\",\"ap\":\"0\",\"sp\":\"7103.04\",\"x\":\"NEW\",\"X\":\"NEW\",\"i\":8886774,\"l\":\"0\",\"z\":\"0\","
        + "\"L\":\"0\",\"N\":\"USDT\",\"n\":\"0\",\"T\":1568879465650,\"t\":0,\"b\":\"0\",\"a\":\"9.91\",\"m\":false,"
        + "\"R\":false,\"wt\":\"CONTRACT_PRICE\",\"ot\":\"TRAILING_STOP_MARKET\",\"ps\":\"LONG\",\"cp\":false,"
        + "\"AP\":\"7476.89\",\"cr\":\"5.0\",\"pP\":false,\"si\":0,\"ss\":0,\"rp\":\"0\",\"V\":\"EXPIRE_TAKER\","
        + "\"pm\":\"OPPONENT\",\"gtd\":0}}";

    /** The documented ACCOUNT_UPDATE example. */
    static final String ACCOUNT_UPDATE_DOCS = "{\"e\":\"ACCOUNT_UPDATE\",\"E\":1564745798939,\"T\":1564745798938,"
        + "\"a\":{\"m\":\"ORDER\",\"B\":[{\"a\":\"USDT\",\"wb\":\"122624.12345678\",\"cw\":\"100.12345678\","
        + "\"bc\":\"50.12345678\"},{\"a\":\"BUSD\",\"wb\":\"1.00000000\",\"cw\":\"0.00000000\",\"bc\":\"-49.12345678\"}],"
        + "\"P\":[{\"s\":\"BTCUSDT\",\"pa\":\"0\",\"ep\":\"0.00000\",\"bep\":\"0\",\"cr\":\"200\",\"up\":\"0\","
        + "\"mt\":\"isolated\",\"iw\":\"0.00000000\",\"ps\":\"BOTH\"},{\"s\":\"BTCUSDT\",\"pa\":\"20\",\"ep\":\"6563.66500\","
        + "\"bep\":\"0\",\"cr\":\"0\",\"up\":\"2850.21200\",\"mt\":\"isolated\",\"iw\":\"13200.70726908\",\"ps\":\"LONG\"},"
        + "{\"s\":\"BTCUSDT\",\"pa\":\"-10\",\"ep\":\"6563.86000\",\"bep\":\"6563.6\",\"cr\":\"-45.04000000\","
        + "\"up\":\"-1423.15600\",\"mt\":\"isolated\",\"iw\":\"6570.42511771\",\"ps\":\"SHORT\"}]}}";

    /** The documented listenKeyExpired example (event time as a string, as documented for USDⓈ-M). */
    static final String LISTEN_KEY_EXPIRED_DOCS = "{\"e\":\"listenKeyExpired\",\"E\":\"1736996475556\","
        + "\"listenKey\":\"WsCMN0a4KHUPTQuX6IUnqEZfB1inxmv1qR4kbf1LuEjur5VdbzqvyxqG9TSjVVxv\"}";

    /** The documented TRADE_LITE example. */
    static final String TRADE_LITE_DOCS = "{\"e\":\"TRADE_LITE\",\"E\":1721895408092,\"T\":1721895408214,\"s\":\"BTCUSDT\","
        + "\"q\":\"0.001\",\"p\":\"0\",\"m\":false,\"c\":\"z8hcUoOsqEdKMeKPSABslD\",\"S\":\"BUY\",\"L\":\"64089.20\","
        + "\"l\":\"0.040\",\"t\":109100866,\"i\":8886774}";

    private UserStreamFrames() {
    }

    /**
     * The documented order update as one of this session's (client id {@code rt-loyw3v2801a-42},
     * {@link TestClientOrderIds#SESSION}) of a LIMIT order, with the given changes.
     */
    static String ourOrder(final String x, final String status, final String q, final String l, final String z,
        final String lastPrice, final String commission, final long tradeId, final boolean maker) {
        return order("rt-" + TestClientOrderIds.TAG + "-42", x, status, q, l, z, lastPrice, commission, tradeId, maker);
    }

    /** The documented order update of a LIMIT order with client id {@code clientId}, with the given changes. */
    static String order(final String clientId, final String x, final String status, final String q, final String l,
        final String z, final String lastPrice, final String commission, final long tradeId, final boolean maker) {
        return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,"
            + "\"o\":{\"s\":\"BTCUSDT\",\"c\":\"" + clientId + "\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"" + q + "\","
            + "\"p\":\"7103.04\",\"ap\":\"0\",\"sp\":\"0\",\"x\":\"" + x + "\",\"X\":\"" + status + "\",\"i\":8886774,"
            + "\"l\":\"" + l + "\",\"z\":\"" + z + "\",\"L\":\"" + lastPrice + "\",\"N\":\"USDT\",\"n\":\"" + commission
            + "\",\"T\":1568879465650,\"t\":" + tradeId + ",\"b\":\"0\",\"a\":\"9.91\",\"m\":" + maker + ","
            + "\"R\":false,\"wt\":\"CONTRACT_PRICE\",\"ot\":\"LIMIT\",\"ps\":\"BOTH\",\"cp\":false,\"pP\":false,\"si\":0,"
            + "\"ss\":0,\"rp\":\"0\",\"V\":\"EXPIRE_TAKER\",\"pm\":\"NONE\",\"gtd\":0}}";
    }
}
