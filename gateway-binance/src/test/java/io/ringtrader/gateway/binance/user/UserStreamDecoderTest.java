package io.ringtrader.gateway.binance.user;

import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.CapturingSink;
import io.ringtrader.gateway.binance.TestClientOrderIds;
import io.ringtrader.gateway.binance.TestInstruments;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UserStreamDecoderTest {
    private static final long RECEIVE_NS = 77L;
    private static final long TRADE_TIME_NS = 1_568_879_465_650_000_000L;

    private final CapturingSink sink = new CapturingSink(4);
    private final DistinctErrorHandler errors = new DistinctErrorHandler();
    private final List<String> positions = new ArrayList<>();
    private final List<Long> expirations = new ArrayList<>();
    private final RequestedCancels requestedCancels = new RequestedCancels();

    private UserStreamDecoder decoder(final boolean restReportsAcksAndCancels) {
        return new UserStreamDecoder(TestInstruments.registry(), sink,
            update -> positions.add(update.instrumentId() + " " + update.positionAmt() + " " + update.entryPrice() + " "
                + update.unrealizedPnl() + " " + update.marginType() + " " + update.positionSide() + " " + update.index()
                + "/" + update.count() + " " + update.eventTimeNs() + " " + update.transactionTimeNs()),
            expirations::add, errors, TestClientOrderIds.SESSION, restReportsAcksAndCancels, requestedCancels);
    }

    private static DecodeStatus decode(final UserStreamDecoder decoder, final String frame) {
        final UnsafeBuffer buffer = ascii(frame);
        return decoder.onFrame(buffer, 0, buffer.capacity(), RECEIVE_NS);
    }

    @Test
    void shouldCountAndIgnoreTheDocumentedOrderUpdateBecauseItsClientIdIsNotOurs() {
        final UserStreamDecoder decoder = decoder(false);

        assertEquals(DecodeStatus.IGNORED, decode(decoder, UserStreamFrames.ORDER_TRADE_UPDATE_DOCS));

        assertEquals(1, decoder.foreignOrders());
        assertTrue(sink.events().isEmpty());
    }

    @Test
    void shouldNotAttributeAnotherSessionsFillToThisSessionsOrderOfTheSameIdButCountAndReportItOnce() {
        final UserStreamDecoder decoder = decoder(false);
        final String otherSessionFill = UserStreamFrames.order("rt-" + TestClientOrderIds.OTHER_TAG + "-42", "TRADE",
            "PARTIALLY_FILLED", "0.003", "0.001", "0.001", "7103.04", "0.0028", 9_001, true);

        assertEquals(DecodeStatus.IGNORED, decode(decoder, otherSessionFill));
        assertEquals(DecodeStatus.IGNORED, decode(decoder, otherSessionFill));

        assertTrue(sink.events().isEmpty(), "nothing published for order 42 of this session");
        assertEquals(2, decoder.otherSessionOrders());
        assertEquals(0, decoder.foreignOrders());
        assertEquals(0, decoder.decodeErrors());
        assertEquals(2, errors.count(ErrorKind.PRODUCER));
        assertEquals(1, errors.distinctErrors().size(), "reported once: " + errors.distinctErrors());
        assertTrue(errors.distinctErrors().get(0).description().contains("another session"));
    }

    @Test
    void shouldTreatAnUntaggedIdOfAnEarlierEngineAsAnotherSessionsAndReportItApart() {
        final UserStreamDecoder decoder = decoder(false);

        assertEquals(DecodeStatus.IGNORED,
            decode(decoder, UserStreamFrames.order("rt-42", "NEW", "NEW", "0.003", "0", "0", "0", "0", 0, false)));
        assertEquals(DecodeStatus.IGNORED, decode(decoder, UserStreamFrames.order("rt-" + TestClientOrderIds.OTHER_TAG
            + "-42", "NEW", "NEW", "0.003", "0", "0", "0", "0", 0, false)));

        assertTrue(sink.events().isEmpty());
        assertEquals(2, decoder.otherSessionOrders());
        assertEquals(2, errors.distinctErrors().size(), "one report per case: " + errors.distinctErrors());
    }

    @Test
    void shouldLeaveARequestedCancelForThisSessionsOrderWhenAnotherSessionsOrderOfTheSameIdIsCanceled() {
        final UserStreamDecoder decoder = decoder(true);
        requestedCancels.add(42);

        assertEquals(DecodeStatus.IGNORED, decode(decoder, UserStreamFrames.order("rt-" + TestClientOrderIds.OTHER_TAG
            + "-42", "CANCELED", "CANCELED", "0.003", "0", "0", "0", "0", 0, false)));

        assertEquals(1, requestedCancels.pending(), "this session's cancel of 42 still awaits its own update");
        assertEquals(0, decoder.suppressed());
        assertEquals(1, decoder.otherSessionOrders());
    }

    @Test
    void shouldDecodeNewAsAnAckFieldByField() {
        final UserStreamDecoder decoder = decoder(false);

        assertEquals(DecodeStatus.OK, decode(decoder, UserStreamFrames.ourOrder("NEW", "NEW", "0.003", "0", "0", "0", "0", 0, false)));

        final InboundEvent ack = sink.last();
        assertEquals(EventKind.EXECUTION_REPORT, ack.kind);
        assertEquals(ExecType.ACK, ack.execType);
        assertEquals(TestInstruments.BTCUSDT, ack.instrumentId);
        assertEquals(Venue.BINANCE_USDM.id(), ack.venueId);
        assertEquals(TRADE_TIME_NS, ack.exchangeTimeNs);
        assertEquals(RECEIVE_NS, ack.receiveTimeNs);
        assertEquals(42, ack.clientOrderId);
        assertEquals(8_886_774L, ack.venueOrderId);
        assertEquals(OrderSide.SELL, ack.execSide);
        assertEquals(710_304, ack.orderPrice);
        assertEquals(3, ack.orderQty);
        assertEquals(0, ack.cumFillQty);
        assertEquals(3, ack.leavesQty);
        assertEquals(InboundEvent.NONE, ack.lastFillPrice);
        assertEquals(0, ack.lastFillQty);
        assertEquals(0, ack.rejectCode);
    }

    @Test
    void shouldDecodeTradeAsAFillWithLastQtyPriceCumulativeFeeAndMakerFlag() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.OK, decode(decoder,
            UserStreamFrames.ourOrder("TRADE", "PARTIALLY_FILLED", "0.003", "0.001", "0.002", "7103.10", "0.00284124", 12_345, true)));

        final InboundEvent fill = sink.last();
        assertEquals(ExecType.FILL, fill.execType);
        assertEquals(42, fill.clientOrderId);
        assertEquals(8_886_774L, fill.venueOrderId);
        assertEquals(OrderSide.SELL, fill.execSide);
        assertEquals(710_304, fill.orderPrice);
        assertEquals(3, fill.orderQty);
        assertEquals(710_310, fill.lastFillPrice);
        assertEquals(1, fill.lastFillQty);
        assertEquals(2, fill.cumFillQty);
        assertEquals(1, fill.leavesQty);
        assertEquals(284_124, fill.execFee);
        assertTrue(fill.execMaker);
        assertEquals(TRADE_TIME_NS, fill.exchangeTimeNs);
    }

    @Test
    void shouldLeaveNothingWhenTheFillCompletesTheOrder() {
        final UserStreamDecoder decoder = decoder(true);

        decode(decoder, UserStreamFrames.ourOrder("TRADE", "FILLED", "0.003", "0.001", "0.003", "7103.10", "-0.00100000", 12_346, false));

        final InboundEvent fill = sink.last();
        assertEquals(3, fill.cumFillQty);
        assertEquals(0, fill.leavesQty);
        assertEquals(-100_000, fill.execFee);
    }

    @Test
    void shouldMapCanceledAndExpiredToCanceledAndRejectedToReject() {
        final UserStreamDecoder decoder = decoder(false);

        decode(decoder, UserStreamFrames.ourOrder("CANCELED", "CANCELED", "0.003", "0", "0.001", "0", "0", 0, false));
        decode(decoder, UserStreamFrames.ourOrder("EXPIRED", "EXPIRED", "0.003", "0", "0", "0", "0", 0, false));
        decode(decoder, UserStreamFrames.ourOrder("REJECTED", "REJECTED", "0.003", "0", "0", "0", "0", 0, false));

        final List<InboundEvent> events = sink.events();
        assertEquals(ExecType.CANCELED, events.get(0).execType);
        assertEquals(1, events.get(0).cumFillQty);
        assertEquals(0, events.get(0).leavesQty);
        assertEquals(ExecType.CANCELED, events.get(1).execType);
        assertEquals(ExecType.REJECT, events.get(2).execType);
        assertEquals(ExecutionReport.REJECT_BY_VENUE, events.get(2).rejectCode);
    }

    @Test
    void shouldLeaveOurAcksAndCancelsToRestButPublishExpiries() {
        final UserStreamDecoder decoder = decoder(true);
        requestedCancels.add(42);

        assertEquals(DecodeStatus.IGNORED, decode(decoder, UserStreamFrames.ourOrder("NEW", "NEW", "0.003", "0", "0", "0", "0", 0, false)));
        assertEquals(DecodeStatus.IGNORED,
            decode(decoder, UserStreamFrames.ourOrder("CANCELED", "CANCELED", "0.003", "0", "0", "0", "0", 0, false)));
        assertEquals(DecodeStatus.OK, decode(decoder, UserStreamFrames.ourOrder("EXPIRED", "EXPIRED", "0.003", "0", "0", "0", "0", 0, false)));

        assertEquals(2, decoder.suppressed());
        assertEquals(1, sink.events().size());
        assertEquals(ExecType.CANCELED, sink.last().execType);
    }

    @Test
    void shouldPublishACancelTheVenueMadeOnItsOwn() {
        final UserStreamDecoder decoder = decoder(true);
        requestedCancels.add(7);

        assertEquals(DecodeStatus.OK,
            decode(decoder, UserStreamFrames.ourOrder("CANCELED", "CANCELED", "0.003", "0", "0", "0", "0", 0, false)));

        assertEquals(0, decoder.suppressed());
        assertEquals(ExecType.CANCELED, sink.last().execType);
        assertEquals(42, sink.last().clientOrderId);
        assertEquals(1, requestedCancels.pending());
    }

    @Test
    void shouldIgnoreTradeLiteToAvoidDoubleFills() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.IGNORED, decode(decoder, UserStreamFrames.TRADE_LITE_DOCS));

        assertEquals(1, decoder.tradeLites());
        assertTrue(sink.events().isEmpty());
    }

    @Test
    void shouldDeliverEveryPositionOfTheDocumentedAccountUpdate() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.OK, decode(decoder, UserStreamFrames.ACCOUNT_UPDATE_DOCS));

        final long e = 1_564_745_798_939_000_000L;
        final long t = 1_564_745_798_938_000_000L;
        assertEquals(List.of(
            "0 0 0 0 ISOLATED BOTH 0/3 " + e + " " + t,
            "0 20000 656367 285021200000 ISOLATED LONG 1/3 " + e + " " + t,
            "0 -10000 656386 -142315600000 ISOLATED SHORT 2/3 " + e + " " + t), positions);
        assertTrue(sink.events().isEmpty());
    }

    @Test
    void shouldSkipPositionsOfUnknownSymbols() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.OK, decode(decoder, UserStreamFrames.ACCOUNT_UPDATE_DOCS.replaceFirst("BTCUSDT", "ETHUSDT")));

        assertEquals(2, positions.size());
        assertEquals(1, decoder.positionsSkipped());
        assertTrue(positions.get(0).endsWith(" 0/2 1564745798939000000 1564745798938000000"), positions.get(0));
    }

    @Test
    void shouldDeliverNoPositionWhenOneOfThemIsMalformed() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.BAD_NUMBER, decode(decoder, UserStreamFrames.ACCOUNT_UPDATE_DOCS.replace("\"pa\":\"-10\"", "\"pa\":\"-1x\"")));

        assertTrue(positions.isEmpty());
        assertEquals(1, decoder.problems(DecodeStatus.BAD_NUMBER));
    }

    @Test
    void shouldReportTheDocumentedListenKeyExpiry() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.OK, decode(decoder, UserStreamFrames.LISTEN_KEY_EXPIRED_DOCS));

        assertEquals(List.of(1_736_996_475_556L), expirations);
        assertEquals(1, decoder.listenKeyExpirations());
    }

    @Test
    void shouldDecodeAPayloadInACombinedStreamEnvelope() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.OK, decode(decoder, "{\"stream\":\"someListenKey\",\"data\":"
            + UserStreamFrames.LISTEN_KEY_EXPIRED_DOCS + "}"));

        assertEquals(1, expirations.size());
    }

    @Test
    void shouldCountAndIgnoreUnknownEvents() {
        final UserStreamDecoder decoder = decoder(true);

        assertEquals(DecodeStatus.IGNORED, decode(decoder, "{\"e\":\"MARGIN_CALL\",\"E\":1587727187525,\"cw\":\"3.16812045\",\"p\":[]}"));

        assertEquals(1, decoder.unknownEvents());
        assertEquals(0, decoder.decodeErrors());
    }

    @Test
    void shouldCountAndDropMalformedFramesByReasonAndLogEachReasonOnce() {
        final UserStreamDecoder decoder = decoder(false);
        final String good = UserStreamFrames.ourOrder("TRADE", "FILLED", "0.003", "0.001", "0.003", "7103.10", "0.1", 1, false);

        assertEquals(DecodeStatus.MALFORMED, decode(decoder, good.substring(0, good.length() - 5)));
        assertEquals(DecodeStatus.MALFORMED, decode(decoder, good.substring(0, good.length() - 9)));
        assertEquals(DecodeStatus.MISSING_FIELD, decode(decoder, good.replace("\"i\":8886774,", "")));
        assertEquals(DecodeStatus.BAD_NUMBER, decode(decoder, good.replace("\"l\":\"0.001\"", "\"l\":\"0.0001\"")));
        assertEquals(DecodeStatus.UNKNOWN_SYMBOL, decode(decoder, good.replace("BTCUSDT", "DOGEUSDT")));
        assertEquals(DecodeStatus.MISSING_FIELD, decode(decoder, good.replace("\"S\":\"SELL\"", "\"S\":\"SIDEWAYS\"")));

        assertTrue(sink.events().isEmpty());
        assertEquals(2, decoder.problems(DecodeStatus.MALFORMED));
        assertEquals(2, decoder.problems(DecodeStatus.MISSING_FIELD));
        assertEquals(1, decoder.problems(DecodeStatus.BAD_NUMBER));
        assertEquals(1, decoder.problems(DecodeStatus.UNKNOWN_SYMBOL));
        assertEquals(6, decoder.decodeErrors());
        assertEquals(6, errors.count(ErrorKind.DECODE));
        assertEquals(4, errors.distinctErrors().size());
    }
}
