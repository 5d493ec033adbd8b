package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;

/** Events with every producer field of their kind set to a distinct non-default value, and field-by-field checks. */
final class TestEvents {
    private TestEvents() {
    }

    /** Resets {@code event} and fills the header and {@code kind}'s payload; {@code seed} varies every value. */
    static void fill(final InboundEvent event, final EventKind kind, final long seed) {
        event.reset();
        event.kind = kind;
        event.instrumentId = (int)(11 + seed);
        event.venueId = (int)(2 + seed);
        event.exchangeTimeNs = 1_700_000_000_000_000_000L + seed;
        event.receiveTimeNs = 1_700_000_000_000_500_000L + seed;
        event.firstUpdateId = 1_000 + seed;
        event.lastUpdateId = 2_000 + seed;
        event.prevUpdateId = 999 + seed;
        event.checksum = -123_456_789 + (int)seed;
        event.hasChecksum = true;
        event.batchIndex = 0;
        event.batchLast = true;
        switch (kind) {
            case BOOK_SNAPSHOT, BOOK_DELTA -> {
                final int levels = Math.min(event.levelCapacity(), 10);
                for (int i = 0; i < levels; i++) {
                    event.addBid(6_180_000 - i * 10 - seed, 1_000 + i + seed);
                    event.bidPriceDecimals[i] = (byte)(1 + i % 3);
                    event.bidQtyDecimals[i] = (byte)(3 + i % 2);
                }
                for (int i = 0; i < levels - 1; i++) {
                    event.addAsk(6_180_010 + i * 10 + seed, 2_000 + i + seed);
                    event.askPriceDecimals[i] = (byte)(2 + i % 2);
                    event.askQtyDecimals[i] = (byte)(4 - i % 3);
                }
            }
            case BBO -> {
                event.bboBidPrice = 6_180_000 + seed;
                event.bboBidQty = 1_234 + seed;
                event.bboAskPrice = 6_180_010 + seed;
                event.bboAskQty = 4_321 + seed;
            }
            case TRADE -> {
                event.tradeId = 900_001 + seed;
                event.tradeFirstId = 900_000 + seed;
                event.tradeLastId = 900_002 + seed;
                event.tradePrice = 6_180_005 + seed;
                event.tradeQty = 777 + seed;
                event.tradeAggressor = seed % 2 == 0 ? OrderSide.SELL : OrderSide.BUY;
            }
            case KLINE -> {
                event.klineIntervalNs = 60_000_000_000L;
                event.klineOpenTimeNs = 1_699_999_940_000_000_000L + seed;
                event.klineCloseTimeNs = 1_699_999_999_999_000_000L + seed;
                event.klineOpen = 6_170_000 + seed;
                event.klineHigh = 6_190_000 + seed;
                event.klineLow = 6_160_000 + seed;
                event.klineClose = 6_180_000 + seed;
                event.klineVolume = 123_456 + seed;
                event.klineTradeCount = 4_321 + seed;
                event.klineClosed = true;
            }
            case MARKET_STATE -> {
                event.markPrice = 6_180_001 + seed;
                event.indexPrice = 6_179_999 + seed;
                event.fundingRate = -10_000 + seed;
                event.nextFundingTimeNs = 1_700_003_600_000_000_000L + seed;
                event.fundingIntervalNs = seed % 2 == 0 ? 28_800_000_000_000L : InboundEvent.NONE;
                event.openInterest = 98_765_432 + seed;
                io.ringtrader.engine.event.MarketState.flagPresent(event);
            }
            case EXECUTION_REPORT -> {
                event.execType = ExecType.FILL;
                event.clientOrderId = 555_000 + seed;
                event.venueOrderId = 8_888_000 + seed;
                event.execSide = OrderSide.SELL;
                event.orderPrice = 6_180_000 + seed;
                event.orderQty = 3_000 + seed;
                event.lastFillPrice = 6_180_002 + seed;
                event.lastFillQty = 1_000 + seed;
                event.cumFillQty = 2_000 + seed;
                event.leavesQty = 1_000 + seed + 1;
                event.execFee = 1_234 + seed;
                event.execMaker = true;
                event.rejectCode = -2_010 + (int)seed;
            }
            case POSITION -> {
                event.positionQty = -12_000 - seed;
                event.positionEntryPrice = 6_170_500 + seed;
                event.positionUnrealizedPnl = -987_654_321 + seed;
            }
            case TIMER -> {
                event.timerId = 42 + (int)seed;
                event.timerScheduledNs = 1_700_000_000_250_000_000L + seed;
            }
            case GATEWAY_STATUS -> {
                event.gatewayStatus = GatewayStatus.BOOK_INVALID;
                event.statusDetail = 17 + (int)seed;
            }
            case OPERATOR -> {
                event.operatorCommand = seed % 2 == 0 ? OperatorCommand.KILL_SWITCH_TRIP : OperatorCommand.KILL_SWITCH_RESET;
                event.operatorSource = OperatorCommand.SOURCE_JMX + (int)seed;
                event.operatorTarget = (int)seed;
            }
            case ENGINE_STATUS -> {
                event.engineStatus = seed % 2 == 0 ? EngineStatus.DISK_LOW : EngineStatus.JOURNAL_FAILED;
                event.statusDetail = 900 + (int)seed;
            }
            case DISCARDED -> {
            }
        }
    }

    /** Fills every field of a command with distinct non-default values. */
    static void fill(final OrderCommand command, final RiskDecision decision, final long seed) {
        command.reset();
        command.action = seed % 2 == 0 ? OrderAction.NEW : OrderAction.CANCEL;
        command.instrumentId = (int)(7 + seed);
        command.venueId = (int)(2 + seed);
        command.strategyId = (int)(3 + seed);
        command.clientOrderId = 123_456_789L + seed;
        command.side = seed % 2 == 0 ? OrderSide.SELL : OrderSide.BUY;
        command.type = seed % 3 == 0 ? OrderType.MARKET : OrderType.LIMIT;
        command.timeInForce = TimeInForce.values()[(int)(seed % TimeInForce.values().length)];
        command.priceMantissa = 6_180_000 + seed;
        command.qtyMantissa = 1_500 + seed;
        command.reduceOnly = true;
        command.decision = decision;
        command.causeSequence = 4_242 + seed;
        command.causeExchangeTimeNs = 1_700_000_000_000_000_000L + seed;
        command.causeReceiveTimeNs = 1_700_000_000_000_500_000L + seed;
    }

    /** Compares every field a producer writes (header and all payloads), and that no stage output came back. */
    /** The bytes the codec lays out for a trade with {@code tradeId} (no checksum trailer: the writer adds that). */
    static byte[] encodedTrade(final long tradeId) {
        final InboundEvent event = new InboundEvent(4);
        fill(event, EventKind.TRADE, 0);
        event.tradeId = tradeId;
        return encode(event, tradeId);
    }

    /** The bytes the codec lays out for {@code event} (no checksum trailer: the writer adds that). */
    static byte[] encode(final InboundEvent event, final long sequence) {
        final Bytes<?> bytes = Bytes.allocateElasticOnHeap();
        try {
            InboundEventCodec.encode(event, sequence, bytes);
            return bytes.toByteArray();
        } finally {
            bytes.releaseLast();
        }
    }

    static void assertSameProducerFields(final InboundEvent expected, final InboundEvent actual) {
        assertEquals(expected.kind, actual.kind, "kind");
        assertEquals(expected.instrumentId, actual.instrumentId, "instrumentId");
        assertEquals(expected.venueId, actual.venueId, "venueId");
        assertEquals(expected.exchangeTimeNs, actual.exchangeTimeNs, "exchangeTimeNs");
        assertEquals(expected.receiveTimeNs, actual.receiveTimeNs, "receiveTimeNs");
        assertEquals(expected.firstUpdateId, actual.firstUpdateId, "firstUpdateId");
        assertEquals(expected.lastUpdateId, actual.lastUpdateId, "lastUpdateId");
        assertEquals(expected.prevUpdateId, actual.prevUpdateId, "prevUpdateId");
        assertEquals(expected.checksum, actual.checksum, "checksum");
        assertEquals(expected.hasChecksum, actual.hasChecksum, "hasChecksum");
        assertEquals(expected.batchIndex, actual.batchIndex, "batchIndex");
        assertEquals(expected.batchLast, actual.batchLast, "batchLast");

        assertEquals(expected.bidCount, actual.bidCount, "bidCount");
        assertEquals(expected.askCount, actual.askCount, "askCount");
        assertArrayEquals(Arrays.copyOf(expected.bidPrices, expected.bidCount), Arrays.copyOf(actual.bidPrices, actual.bidCount), "bidPrices");
        assertArrayEquals(Arrays.copyOf(expected.bidQtys, expected.bidCount), Arrays.copyOf(actual.bidQtys, actual.bidCount), "bidQtys");
        assertArrayEquals(Arrays.copyOf(expected.askPrices, expected.askCount), Arrays.copyOf(actual.askPrices, actual.askCount), "askPrices");
        assertArrayEquals(Arrays.copyOf(expected.askQtys, expected.askCount), Arrays.copyOf(actual.askQtys, actual.askCount), "askQtys");
        assertArrayEquals(Arrays.copyOf(expected.bidPriceDecimals, expected.bidCount),
            Arrays.copyOf(actual.bidPriceDecimals, actual.bidCount), "bidPriceDecimals");
        assertArrayEquals(Arrays.copyOf(expected.bidQtyDecimals, expected.bidCount),
            Arrays.copyOf(actual.bidQtyDecimals, actual.bidCount), "bidQtyDecimals");
        assertArrayEquals(Arrays.copyOf(expected.askPriceDecimals, expected.askCount),
            Arrays.copyOf(actual.askPriceDecimals, actual.askCount), "askPriceDecimals");
        assertArrayEquals(Arrays.copyOf(expected.askQtyDecimals, expected.askCount),
            Arrays.copyOf(actual.askQtyDecimals, actual.askCount), "askQtyDecimals");

        assertEquals(expected.bboBidPrice, actual.bboBidPrice, "bboBidPrice");
        assertEquals(expected.bboBidQty, actual.bboBidQty, "bboBidQty");
        assertEquals(expected.bboAskPrice, actual.bboAskPrice, "bboAskPrice");
        assertEquals(expected.bboAskQty, actual.bboAskQty, "bboAskQty");

        assertEquals(expected.tradeId, actual.tradeId, "tradeId");
        assertEquals(expected.tradeFirstId, actual.tradeFirstId, "tradeFirstId");
        assertEquals(expected.tradeLastId, actual.tradeLastId, "tradeLastId");
        assertEquals(expected.tradePrice, actual.tradePrice, "tradePrice");
        assertEquals(expected.tradeQty, actual.tradeQty, "tradeQty");
        assertEquals(expected.tradeAggressor, actual.tradeAggressor, "tradeAggressor");

        assertEquals(expected.klineIntervalNs, actual.klineIntervalNs, "klineIntervalNs");
        assertEquals(expected.klineOpenTimeNs, actual.klineOpenTimeNs, "klineOpenTimeNs");
        assertEquals(expected.klineCloseTimeNs, actual.klineCloseTimeNs, "klineCloseTimeNs");
        assertEquals(expected.klineOpen, actual.klineOpen, "klineOpen");
        assertEquals(expected.klineHigh, actual.klineHigh, "klineHigh");
        assertEquals(expected.klineLow, actual.klineLow, "klineLow");
        assertEquals(expected.klineClose, actual.klineClose, "klineClose");
        assertEquals(expected.klineVolume, actual.klineVolume, "klineVolume");
        assertEquals(expected.klineTradeCount, actual.klineTradeCount, "klineTradeCount");
        assertEquals(expected.klineClosed, actual.klineClosed, "klineClosed");

        assertEquals(expected.markPrice, actual.markPrice, "markPrice");
        assertEquals(expected.indexPrice, actual.indexPrice, "indexPrice");
        assertEquals(expected.fundingRate, actual.fundingRate, "fundingRate");
        assertEquals(expected.nextFundingTimeNs, actual.nextFundingTimeNs, "nextFundingTimeNs");

        assertEquals(expected.openInterest, actual.openInterest, "openInterest");
        assertEquals(expected.fundingIntervalNs, actual.fundingIntervalNs, "fundingIntervalNs");
        assertEquals(expected.marketStateFields, actual.marketStateFields, "marketStateFields");

        assertEquals(expected.positionQty, actual.positionQty, "positionQty");
        assertEquals(expected.positionEntryPrice, actual.positionEntryPrice, "positionEntryPrice");
        assertEquals(expected.positionUnrealizedPnl, actual.positionUnrealizedPnl, "positionUnrealizedPnl");

        assertEquals(expected.execType, actual.execType, "execType");
        assertEquals(expected.clientOrderId, actual.clientOrderId, "clientOrderId");
        assertEquals(expected.venueOrderId, actual.venueOrderId, "venueOrderId");
        assertEquals(expected.execSide, actual.execSide, "execSide");
        assertEquals(expected.orderPrice, actual.orderPrice, "orderPrice");
        assertEquals(expected.orderQty, actual.orderQty, "orderQty");
        assertEquals(expected.lastFillPrice, actual.lastFillPrice, "lastFillPrice");
        assertEquals(expected.lastFillQty, actual.lastFillQty, "lastFillQty");
        assertEquals(expected.cumFillQty, actual.cumFillQty, "cumFillQty");
        assertEquals(expected.leavesQty, actual.leavesQty, "leavesQty");
        assertEquals(expected.execFee, actual.execFee, "execFee");
        assertEquals(expected.execMaker, actual.execMaker, "execMaker");
        assertEquals(expected.rejectCode, actual.rejectCode, "rejectCode");

        assertEquals(expected.timerId, actual.timerId, "timerId");
        assertEquals(expected.timerScheduledNs, actual.timerScheduledNs, "timerScheduledNs");

        assertEquals(expected.gatewayStatus, actual.gatewayStatus, "gatewayStatus");
        assertEquals(expected.engineStatus, actual.engineStatus, "engineStatus");
        assertEquals(expected.statusDetail, actual.statusDetail, "statusDetail");

        assertEquals(expected.operatorCommand, actual.operatorCommand, "operatorCommand");
        assertEquals(expected.operatorSource, actual.operatorSource, "operatorSource");
        assertEquals(expected.operatorTarget, actual.operatorTarget, "operatorTarget");

        assertEquals(null, actual.bookState, "book stage output not journaled");
        assertEquals(0, actual.bookVersion, "book stage output not journaled");
        assertEquals(0, actual.featureCount, "feature stage output not journaled");
        assertEquals(0, actual.scoreCount, "model stage output not journaled");
        assertEquals(0, actual.intentCount, "strategy stage output not journaled");
    }

    static void assertSameCommand(final OrderCommand expected, final OrderCommand actual) {
        assertEquals(expected.action, actual.action, "action");
        assertEquals(expected.instrumentId, actual.instrumentId, "instrumentId");
        assertEquals(expected.venueId, actual.venueId, "venueId");
        assertEquals(expected.strategyId, actual.strategyId, "strategyId");
        assertEquals(expected.clientOrderId, actual.clientOrderId, "clientOrderId");
        assertEquals(expected.side, actual.side, "side");
        assertEquals(expected.type, actual.type, "type");
        assertEquals(expected.timeInForce, actual.timeInForce, "timeInForce");
        assertEquals(expected.priceMantissa, actual.priceMantissa, "priceMantissa");
        assertEquals(expected.qtyMantissa, actual.qtyMantissa, "qtyMantissa");
        assertEquals(expected.reduceOnly, actual.reduceOnly, "reduceOnly");
        assertEquals(expected.decision, actual.decision, "decision");
        assertEquals(expected.causeSequence, actual.causeSequence, "causeSequence");
        assertEquals(expected.causeExchangeTimeNs, actual.causeExchangeTimeNs, "causeExchangeTimeNs");
        assertEquals(expected.causeReceiveTimeNs, actual.causeReceiveTimeNs, "causeReceiveTimeNs");
    }
}
