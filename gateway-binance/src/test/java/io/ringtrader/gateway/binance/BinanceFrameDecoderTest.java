package io.ringtrader.gateway.binance;

import static io.ringtrader.gateway.binance.RecordedFrames.BTC_BOOK_TICKER;
import static io.ringtrader.gateway.binance.RecordedFrames.BTC_TRADE;
import static io.ringtrader.gateway.binance.RecordedFrames.CTK_AGG_TRADE;
import static io.ringtrader.gateway.binance.RecordedFrames.CTK_KLINE_OPEN;
import static io.ringtrader.gateway.binance.RecordedFrames.SUSHI_BOOK_TICKER;
import static io.ringtrader.gateway.binance.RecordedFrames.SUSHI_DEPTH;
import static io.ringtrader.gateway.binance.RecordedFrames.SUSHI_KLINE_CLOSED;
import static io.ringtrader.gateway.binance.RecordedFrames.payload;
import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.sync.BinanceBookSync;
import io.ringtrader.gateway.binance.sync.BinancePartialBook;
import io.ringtrader.gateway.binance.sync.SnapshotRequester;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class BinanceFrameDecoderTest {
    private static final long MS = 1_000_000L;
    /**
     * The partial book depth payload of Binance's documentation ("Partial Book Depth Streams", USDⓈ-M futures); no
     * capture holds one. Bids come lowest first, as there.
     */
    private static final String BTC_PARTIAL_DEPTH = "{\"e\":\"depthUpdate\",\"E\":1571889248277,\"T\":1571889248276,"
        + "\"s\":\"BTCUSDT\",\"U\":390497796,\"u\":390497878,\"pu\":390497794,"
        + "\"b\":[[\"7403.89\",\"0.002\"],[\"7403.90\",\"3.906\"],[\"7404.00\",\"1.428\"],[\"7404.85\",\"5.239\"],"
        + "[\"7405.43\",\"2.562\"]],"
        + "\"a\":[[\"7405.96\",\"3.340\"],[\"7406.63\",\"4.525\"],[\"7407.08\",\"2.475\"],[\"7407.15\",\"4.800\"],"
        + "[\"7407.20\",\"0.175\"]]}";

    private final CapturingSink sink = new CapturingSink(32);
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final List<Integer> requests = new ArrayList<>();
    private final SnapshotRequester requester = requests::add;
    private BinanceFrameDecoder decoder =
        new BinanceFrameDecoder(TestInstruments.registry(), sink, requester, errors, MarketDataSettings.defaults());

    @Test
    void shouldPublishARecordedBookTickerAsBbo() {
        assertEquals(DecodeStatus.OK, frame(BTC_BOOK_TICKER));

        final InboundEvent bbo = sink.last();
        assertEquals(EventKind.BBO, bbo.kind);
        assertEquals(TestInstruments.BTCUSDT, bbo.instrumentId);
        assertEquals(Venue.BINANCE_USDM.id(), bbo.venueId);
        assertEquals(1723161256313L * MS, bbo.exchangeTimeNs);
        assertEquals(7L, bbo.receiveTimeNs);
        assertEquals(5123107839020L, bbo.lastUpdateId);
        assertEquals(6_180_020L, bbo.bboBidPrice);
        assertEquals(2_507L, bbo.bboBidQty);
        assertEquals(6_180_030L, bbo.bboAskPrice);
        assertEquals(2_510L, bbo.bboAskQty);
    }

    @Test
    void shouldPublishARecordedTradeWithTheBuyerAsAggressorWhenTheBuyerIsNotMaker() {
        assertEquals(DecodeStatus.OK, frame(BTC_TRADE));

        final InboundEvent trade = sink.last();
        assertEquals(EventKind.TRADE, trade.kind);
        assertEquals(5266583935L, trade.tradeId);
        assertEquals(InboundEvent.NONE, trade.tradeFirstId);
        assertEquals(6_180_030L, trade.tradePrice);
        assertEquals(6L, trade.tradeQty);
        assertEquals(OrderSide.BUY, trade.tradeAggressor);
        assertEquals(1723161256322L * MS, trade.exchangeTimeNs);
    }

    @Test
    void shouldPublishARecordedAggTradeWithItsTradeIdRange() {
        assertEquals(DecodeStatus.OK, frame(CTK_AGG_TRADE));

        final InboundEvent trade = sink.last();
        assertEquals(TestInstruments.CTKUSDT, trade.instrumentId);
        assertEquals(16599292L, trade.tradeId);
        assertEquals(23961322L, trade.tradeFirstId);
        assertEquals(23961322L, trade.tradeLastId);
        assertEquals(101_100L, trade.tradePrice);
        assertEquals(10L, trade.tradeQty);
    }

    @Test
    void shouldTakeTheSellerAsAggressorWhenTheBuyerIsMaker() {
        frame(CTK_AGG_TRADE.replace("\"m\":false", "\"m\":true"));

        assertEquals(OrderSide.SELL, sink.last().tradeAggressor);
    }

    @Test
    void shouldIgnoreANonMarketTrade() {
        assertEquals(DecodeStatus.IGNORED, frame(BTC_TRADE.replace("MARKET", "INSURANCE_FUND")));
        assertTrue(sink.events().isEmpty());
    }

    @Test
    void shouldPublishARecordedClosedKline() {
        assertEquals(DecodeStatus.OK, frame(SUSHI_KLINE_CLOSED));

        final InboundEvent kline = sink.last();
        assertEquals(EventKind.KLINE, kline.kind);
        assertEquals(60_000L * MS, kline.klineIntervalNs);
        assertEquals(1626992700000L * MS, kline.klineOpenTimeNs);
        assertEquals(1626992759999L * MS, kline.klineCloseTimeNs);
        assertEquals(76_080L, kline.klineOpen);
        assertEquals(76_180L, kline.klineHigh);
        assertEquals(76_070L, kline.klineLow);
        assertEquals(76_170L, kline.klineClose);
        assertEquals(3005L, kline.klineVolume);
        assertEquals(113L, kline.klineTradeCount);
        assertTrue(kline.klineClosed);
    }

    @Test
    void shouldSkipAnUnclosedKlineByDefault() {
        assertEquals(DecodeStatus.OK, frame(CTK_KLINE_OPEN));

        assertTrue(sink.events().isEmpty());
        assertEquals(1, decoder.klineUpdatesSkipped());
    }

    @Test
    void shouldPublishAnUnclosedKlineWhenUpdatesAreWanted() {
        decoder = new BinanceFrameDecoder(TestInstruments.registry(), sink, requester, errors,
            MarketDataSettings.defaults().withPublishKlineUpdates(true));

        frame(CTK_KLINE_OPEN);

        assertFalse(sink.last().klineClosed);
        assertEquals(101_100L, sink.last().klineClose);
    }

    @Test
    void shouldPublishAMarkPriceRoundedToThePriceScale() {
        // The shape of Binance's documented markPriceUpdate example (no capture holds one).
        assertEquals(DecodeStatus.OK, frame("{\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\","
            + "\"E\":1562305380000,\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\",\"i\":\"11784.62659091\","
            + "\"P\":\"11784.25641265\",\"r\":\"-0.00038167\",\"T\":1562306400000}}"));

        final InboundEvent mark = sink.last();
        assertEquals(EventKind.MARKET_STATE, mark.kind);
        assertEquals(io.ringtrader.engine.event.MarketState.MARK_PRICE | io.ringtrader.engine.event.MarketState.INDEX_PRICE
            | io.ringtrader.engine.event.MarketState.FUNDING_RATE | io.ringtrader.engine.event.MarketState.NEXT_FUNDING_TIME,
            mark.marketStateFields, "what Binance's markPrice stream sends; no funding interval, no open interest");
        assertEquals(io.ringtrader.engine.event.InboundEvent.NONE, mark.openInterest);
        assertEquals(1_179_415L, mark.markPrice);
        assertEquals(1_178_463L, mark.indexPrice);
        assertEquals(-38_167L, mark.fundingRate);
        assertEquals(1562306400000L * MS, mark.nextFundingTimeNs);
    }

    @Test
    void shouldDecodeARawStreamPayloadWithoutEnvelope() {
        assertEquals(DecodeStatus.OK, frame(payload(SUSHI_BOOK_TICKER)));

        assertEquals(TestInstruments.SUSHIUSDT, sink.last().instrumentId);
    }

    @Test
    void shouldDecodeAnEnvelopeWhoseDataIsNotTheLastMember() {
        final String dataFirst = "{\"data\":" + payload(BTC_BOOK_TICKER) + ",\"stream\":\"btcusdt@bookTicker\"}";

        assertEquals(DecodeStatus.OK, frame(dataFirst));
        assertEquals(6_180_020L, sink.last().bboBidPrice);
    }

    @Test
    void shouldDecodeAnEnvelopeWithWhitespaceAfterTheData() {
        assertEquals(DecodeStatus.OK, frame(BTC_BOOK_TICKER.replace("}}", "} \n}\r\n")));
        assertEquals(6_180_020L, sink.last().bboBidPrice);
    }

    @Test
    void shouldRejectAnEnvelopeWithABrokenMemberAfterTheData() {
        final String controlByteInString = "{\"data\":{\"e\":\"someEvent\"},\"x\":{\"y\":\"a\tb\"}}";

        assertEquals(DecodeStatus.MALFORMED, frame(controlByteInString));
        assertEquals(DecodeStatus.MALFORMED, frame(BTC_BOOK_TICKER.replace("}}", "},\"x\":{\"y\":\"a\tb\"}}")));
        assertEquals(0, sink.events().size());
    }

    @Test
    void shouldIgnoreASubscriptionReply() {
        assertEquals(DecodeStatus.IGNORED, frame("{\"result\":null,\"id\":1}"));
        assertEquals(1, decoder.ignored());
        assertEquals(0, errors.count(ErrorKind.DECODE));
    }

    @Test
    void shouldBufferTheFirstDiffAndRequestASnapshot() {
        assertEquals(DecodeStatus.OK, frame(SUSHI_DEPTH));

        assertTrue(sink.events().isEmpty());
        assertEquals(List.of(TestInstruments.SUSHIUSDT), requests);
        assertEquals(1, decoder.sync(TestInstruments.SUSHIUSDT).buffered());
    }

    @Test
    void shouldCountEachKindOfBadFrameAndKeepDecoding() {
        final String depth = SUSHI_DEPTH;
        assertEquals(DecodeStatus.MALFORMED, frame(depth.substring(0, depth.length() - 5)));
        assertEquals(DecodeStatus.MALFORMED, frame("pong"));
        assertEquals(DecodeStatus.BAD_NUMBER, frame(SUSHI_BOOK_TICKER.replace("7.6110", "7.6.10")));
        assertEquals(DecodeStatus.NEGATIVE_VALUE, frame(SUSHI_BOOK_TICKER.replace("\"297\"", "\"-297\"")));
        assertEquals(DecodeStatus.UNKNOWN_SYMBOL, frame(BTC_TRADE.replace("BTCUSDT", "ETHUSDT")));
        assertEquals(DecodeStatus.MISSING_FIELD, frame(BTC_TRADE.replace("\"q\":", "\"Q\":")));

        assertEquals(DecodeStatus.OK, frame(BTC_BOOK_TICKER));

        assertEquals(2, decoder.problems(DecodeStatus.MALFORMED));
        assertEquals(1, decoder.problems(DecodeStatus.BAD_NUMBER));
        assertEquals(1, decoder.problems(DecodeStatus.NEGATIVE_VALUE));
        assertEquals(1, decoder.problems(DecodeStatus.UNKNOWN_SYMBOL));
        assertEquals(1, decoder.problems(DecodeStatus.MISSING_FIELD));
        assertEquals(6, decoder.decodeErrors());
        assertEquals(6, errors.count(ErrorKind.DECODE));
        assertEquals(1, sink.events().size());
        assertEquals(EventKind.BBO, sink.last().kind);
    }

    @Test
    void shouldReportEachDistinctProblemOnceWithItsCount() {
        frame(BTC_TRADE.replace("BTCUSDT", "ETHUSDT"));
        frame(BTC_TRADE.replace("BTCUSDT", "XRPUSDT"));

        final List<DistinctErrorHandler.DistinctError> distinct = errors.distinctErrors();
        assertEquals(1, distinct.size());
        assertEquals("binance: " + DecodeStatus.UNKNOWN_SYMBOL.detail(), distinct.get(0).description());
        assertEquals(2, distinct.get(0).count());
    }

    @Test
    void shouldDropAFrameWithAHugeLevelCountWhole() {
        decoder = new BinanceFrameDecoder(TestInstruments.registry(), sink, requester, errors,
            new MarketDataSettings(2, 1000, 16, false));

        assertEquals(DecodeStatus.TOO_MANY_LEVELS, frame(SUSHI_DEPTH));
        assertEquals(0, decoder.sync(TestInstruments.SUSHIUSDT).buffered());
        assertTrue(requests.isEmpty());
    }

    @Test
    void shouldCountASnapshotForAnUnknownInstrument() {
        final UnsafeBuffer body = ascii(RecordedFrames.AKRO_SNAPSHOT);

        assertEquals(DecodeStatus.UNKNOWN_SYMBOL, decoder.onSnapshot(-1, body, 0, body.capacity(), 1));
        assertEquals(1, decoder.problems(DecodeStatus.UNKNOWN_SYMBOL));
        assertNull(sink.events().isEmpty() ? null : sink.last());
    }

    @Test
    void shouldPublishAPartialBookFrameNamedByItsStreamAsASnapshot() {
        assertEquals(DecodeStatus.OK, frame(envelope("btcusdt@depth5@100ms", BTC_PARTIAL_DEPTH)));

        final InboundEvent snapshot = sink.last();
        assertEquals(EventKind.BOOK_SNAPSHOT, snapshot.kind);
        assertEquals(TestInstruments.BTCUSDT, snapshot.instrumentId);
        assertEquals(390497878L, snapshot.lastUpdateId);
        assertEquals(5, snapshot.bidCount);
        assertEquals(5, snapshot.askCount);
        assertEquals(740_389L, snapshot.bidPrices[0]);
        assertEquals(3_340L, snapshot.askQtys[0]);
        assertEquals(1, decoder.partialBook(TestInstruments.BTCUSDT).applied());
        assertEquals(0, decoder.sync(TestInstruments.BTCUSDT).buffered());
        assertTrue(requests.isEmpty(), "a partial book needs no REST snapshot");
    }

    @Test
    void shouldTakeEachDepthStreamNameForWhatItSays() {
        decoder = partialDecoder();

        frame(envelope("btcusdt@depth20", BTC_PARTIAL_DEPTH));
        frame(envelope("btcusdt@depth10@500ms", BTC_PARTIAL_DEPTH.replace("390497878", "390497879")));
        frame(envelope("btcusdt@depth@100ms", BTC_PARTIAL_DEPTH));
        frame(envelope("btcusdt@depth@0ms", BTC_PARTIAL_DEPTH));
        frame(envelope("btcusdt@depth", BTC_PARTIAL_DEPTH));

        assertEquals(2, decoder.partialBook(TestInstruments.BTCUSDT).applied());
        assertEquals(3, decoder.sync(TestInstruments.BTCUSDT).buffered());
    }

    @Test
    void shouldRouteARawDepthPayloadByTheInstrumentsBook() {
        frame(BTC_PARTIAL_DEPTH);
        assertEquals(1, decoder.sync(TestInstruments.BTCUSDT).buffered());
        assertEquals(0, decoder.partialBook(TestInstruments.BTCUSDT).applied());

        decoder = partialDecoder();
        frame(BTC_PARTIAL_DEPTH);
        assertEquals(0, decoder.sync(TestInstruments.BTCUSDT).buffered());
        assertEquals(1, decoder.partialBook(TestInstruments.BTCUSDT).applied());
    }

    @Test
    void shouldRouteByTheStreamNameWhenItFollowsTheData() {
        frame("{\"data\":" + BTC_PARTIAL_DEPTH + ",\"stream\":\"btcusdt@depth5\"}");

        assertEquals(1, decoder.partialBook(TestInstruments.BTCUSDT).applied());
        assertEquals(EventKind.BOOK_SNAPSHOT, sink.last().kind);
    }

    @Test
    void shouldRouteAStreamNameThatIsNotADepthStreamByTheInstrumentsBook() {
        decoder = partialDecoder();

        frame(envelope("btcusdt@bookTicker", BTC_PARTIAL_DEPTH));

        assertEquals(1, decoder.partialBook(TestInstruments.BTCUSDT).applied());
    }

    @Test
    void shouldDropAStalePartialBookFrame() {
        decoder = partialDecoder();
        frame(BTC_PARTIAL_DEPTH);
        sink.clear();

        assertEquals(DecodeStatus.OK, frame(BTC_PARTIAL_DEPTH));

        assertTrue(sink.events().isEmpty());
        assertEquals(1, decoder.partialBook(TestInstruments.BTCUSDT).stale());
    }

    @Test
    void shouldInvalidateAValidPartialBookWhenItsStreamIsInterrupted() {
        decoder = partialDecoder();
        frame(BTC_PARTIAL_DEPTH);

        decoder.onStreamInterrupted(TestInstruments.BTCUSDT, 9);

        assertEquals(GatewayStatus.BOOK_INVALID, sink.last().gatewayStatus);
        assertEquals(BinanceBookSync.DETAIL_STREAM_INTERRUPTED, sink.last().statusDetail);
        assertEquals(BinancePartialBook.State.INVALID, decoder.partialBook(TestInstruments.BTCUSDT).state());
        assertEquals(BinanceBookSync.State.AWAITING_SNAPSHOT, decoder.sync(TestInstruments.BTCUSDT).state());
    }

    private BinanceFrameDecoder partialDecoder() {
        return new BinanceFrameDecoder(TestInstruments.registry(), sink, requester, errors,
            MarketDataSettings.defaults().withPartialDepthLevels(5));
    }

    private static String envelope(final String stream, final String payload) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    private DecodeStatus frame(final String text) {
        final UnsafeBuffer buffer = ascii(text);
        return decoder.onFrame(buffer, 0, buffer.capacity(), 7);
    }
}
