package io.ringtrader.gateway.binance;

/**
 * Individual frames copied verbatim from the real captures in the shared data folder (see its README), one
 * per message type, for decoder unit tests. The cryptofeed rows hold the frame as escaped text; it is
 * given here unescaped, as it went over the wire.
 */
public final class RecordedFrames {
    /** hftbacktest capture, line 2: a combined-stream {@code @trade} frame. */
    public static final String BTC_TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,"
        + "\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":\"61800.30\",\"q\":\"0.006\",\"X\":\"MARKET\","
        + "\"m\":false}}";

    /** hftbacktest capture: a combined-stream {@code @bookTicker} frame. */
    public static final String BTC_BOOK_TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\","
        + "\"u\":5123107839020,\"s\":\"BTCUSDT\",\"b\":\"61800.20\",\"B\":\"2.507\",\"a\":\"61800.30\",\"A\":\"2.510\","
        + "\"T\":1723161256313,\"E\":1723161256313}}";

    /** cryptofeed capture: the first {@code sushiusdt@depth@100ms} frame. */
    public static final String SUSHI_DEPTH = "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
        + "\"E\":1626992741037,\"T\":1626992741024,\"s\":\"SUSHIUSDT\",\"U\":600859599090,\"u\":600859600917,"
        + "\"pu\":600859598061,\"b\":[[\"7.5040\",\"813\"],[\"7.6090\",\"0\"],[\"7.6110\",\"2\"]],"
        + "\"a\":[[\"7.6150\",\"1563\"],[\"7.6220\",\"3284\"]]}}";

    /** cryptofeed capture: the first {@code akrousdt@depth@100ms} frame (U == u, no bids). */
    public static final String AKRO_DEPTH = "{\"stream\":\"akrousdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
        + "\"E\":1626992741077,\"T\":1626992740974,\"s\":\"AKROUSDT\",\"U\":600859599831,\"u\":600859599831,"
        + "\"pu\":600859598737,\"b\":[],\"a\":[[\"0.01737\",\"437848\"]]}}";

    /** cryptofeed capture: the first {@code sushiusdt@bookTicker} frame. */
    public static final String SUSHI_BOOK_TICKER = "{\"stream\":\"sushiusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\","
        + "\"u\":600859600576,\"s\":\"SUSHIUSDT\",\"b\":\"7.6110\",\"B\":\"2\",\"a\":\"7.6120\",\"A\":\"297\","
        + "\"T\":1626992741012,\"E\":1626992741017}}";

    /** cryptofeed capture: a closed {@code sushiusdt@kline_1m} frame. */
    public static final String SUSHI_KLINE_CLOSED = "{\"stream\":\"sushiusdt@kline_1m\",\"data\":{\"e\":\"kline\","
        + "\"E\":1626992760203,\"s\":\"SUSHIUSDT\",\"k\":{\"t\":1626992700000,\"T\":1626992759999,\"s\":\"SUSHIUSDT\","
        + "\"i\":\"1m\",\"f\":126902874,\"L\":126902986,\"o\":\"7.6080\",\"c\":\"7.6170\",\"h\":\"7.6180\","
        + "\"l\":\"7.6070\",\"v\":\"3005\",\"n\":113,\"x\":true,\"q\":\"22875.8590\",\"V\":\"1900\","
        + "\"Q\":\"14464.6960\",\"B\":\"0\"}}}";

    /** cryptofeed capture: the first {@code ctkusdt@aggTrade} frame. */
    public static final String CTK_AGG_TRADE = "{\"stream\":\"ctkusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\","
        + "\"E\":1626992741575,\"a\":16599292,\"s\":\"CTKUSDT\",\"p\":\"1.01100\",\"q\":\"10\",\"f\":23961322,"
        + "\"l\":23961322,\"T\":1626992741421,\"m\":false}}";

    /** cryptofeed capture: an unclosed {@code ctkusdt@kline_1m} frame. */
    public static final String CTK_KLINE_OPEN = "{\"stream\":\"ctkusdt@kline_1m\",\"data\":{\"e\":\"kline\","
        + "\"E\":1626992741424,\"s\":\"CTKUSDT\",\"k\":{\"t\":1626992700000,\"T\":1626992759999,\"s\":\"CTKUSDT\","
        + "\"i\":\"1m\",\"f\":23961275,\"L\":23961322,\"o\":\"1.01000\",\"c\":\"1.01100\",\"h\":\"1.01100\","
        + "\"l\":\"1.01000\",\"v\":\"3917\",\"n\":48,\"x\":false,\"q\":\"3957.89900\",\"V\":\"1729\","
        + "\"Q\":\"1748.01900\",\"B\":\"0\"}}}";

    /**
     * cryptofeed capture: the REST {@code /fapi/v1/depth?symbol=AKROUSDT&limit=1000} body, cut to its first two
     * levels a side.
     */
    public static final String AKRO_SNAPSHOT = "{\"lastUpdateId\":600859605486,\"E\":1626992741242,\"T\":1626992741238,"
        + "\"bids\":[[\"0.01731\",\"57618\"],[\"0.01730\",\"183887\"]],"
        + "\"asks\":[[\"0.01732\",\"72524\"],[\"0.01733\",\"355270\"]]}";

    private RecordedFrames() {
    }

    /** The {@code data} object of a combined-stream frame. */
    public static String payload(final String frame) {
        return frame.substring(frame.indexOf("\"data\":") + "\"data\":".length(), frame.length() - 1);
    }
}
