package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.recorder.InboundJournalWriter;
import io.ringtrader.recorder.JournalConfig;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.OutboundJournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small recorded session written with the recorder's own writers: BTCUSDT (id 0, price scale 2, qty scale 3)
 * and ETHUSDT (id 1). Receive times start at {@link #T0} and advance 1ms per event, except for a 2.5s gap
 * before the ETH trade.
 */
final class TestJournal {
    /** 2023-11-14T22:13:20Z. */
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long MS = 1_000_000L;
    static final int BTC = 0;
    static final int ETH = 1;
    static final String CONFIG = """
        instruments:
          - symbol: BTCUSDT
            venue: binance
            tickSize: "0.10"
            lotSize: "0.001"
          - symbol: ETHUSDT
            venue: binance
            tickSize: "0.01"
            lotSize: "0.001"
        """;

    /** Inbound events in the order {@link #writeInbound} journals them (index 0 is sequence 0). */
    static final EventKind[] KINDS = {
        EventKind.TIMER, EventKind.BOOK_SNAPSHOT, EventKind.BOOK_SNAPSHOT, EventKind.BOOK_DELTA, EventKind.BBO,
        EventKind.TRADE, EventKind.DISCARDED, EventKind.TRADE, EventKind.EXECUTION_REPORT, EventKind.BOOK_DELTA,
        EventKind.BBO};

    private final InboundEvent event = new InboundEvent(4);
    private long receiveNs = T0;

    private TestJournal() {
    }

    static Path writeConfig(final Path dir) throws IOException {
        final Path file = dir.resolve("journal-test.yaml");
        Files.writeString(file, CONFIG);
        return file;
    }

    /** Writes the session of {@link #KINDS} to {@code journal}'s inbound queue, without an instrument table. */
    static void writeInbound(final Path journal) {
        writeInbound(JournalConfig.defaults(journal));
    }

    /** As {@link #writeInbound(Path)}, with the instruments of {@link #CONFIG} in the session header (schema 6). */
    static void writeInboundWithTable(final Path journal) {
        final InstrumentRegistry instruments = Engine.registry(
            ConfigLoader.parse(CONFIG, "journal-test.yaml", name -> null).config().instruments());
        writeInbound(JournalConfig.defaults(journal)
            .withManifest(JournalManifest.of("ringtrader test", "lq2x3k9a0b7", "sha256:" + "0f".repeat(32), instruments)));
    }

    private static void writeInbound(final JournalConfig config) {
        final InboundJournalWriter writer = new InboundJournalWriter(config);
        writer.onStart();
        new TestJournal().write(writer);
        writer.onShutdown();
    }

    /** Three commands: two accepted NEWs (BTC, ETH) and a CANCEL refused for a book not valid. */
    static void writeOutbound(final Path journal) {
        final OutboundJournalWriter writer = new OutboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        final OrderCommand command = new OrderCommand();
        command(command, OrderAction.NEW, BTC, RiskDecision.ACCEPTED, 6_180_010, 1_500);
        writer.onCommand(command, 0, false);
        command(command, OrderAction.NEW, ETH, RiskDecision.ACCEPTED, 300_001, 250);
        writer.onCommand(command, 1, false);
        command(command, OrderAction.CANCEL, BTC, RiskDecision.BOOK_NOT_VALID, 6_180_010, 1_500);
        writer.onCommand(command, 2, true);
        writer.onShutdown();
    }

    /** One BOOK_DELTA for BTC with the given bid and ask levels (price, qty, price, qty, ...). */
    static void delta(final InboundEvent event, final long receiveNs, final long[] bids, final long[] asks) {
        header(event, EventKind.BOOK_DELTA, BTC, receiveNs);
        for (int i = 0; i < bids.length; i += 2) {
            event.addBid(bids[i], bids[i + 1]);
        }
        for (int i = 0; i < asks.length; i += 2) {
            event.addAsk(asks[i], asks[i + 1]);
        }
    }

    static void header(final InboundEvent event, final EventKind kind, final int instrumentId, final long receiveNs) {
        event.reset();
        event.kind = kind;
        event.instrumentId = instrumentId;
        event.venueId = instrumentId < 0 ? 0 : Venue.BINANCE_USDM.id();
        event.exchangeTimeNs = instrumentId < 0 ? InboundEvent.NONE : receiveNs - 5 * MS;
        event.receiveTimeNs = receiveNs;
    }

    private void write(final InboundJournalWriter writer) {
        long sequence = 0;

        header(event, EventKind.TIMER, -1, next());
        event.timerId = 7;
        event.timerScheduledNs = receiveNs - MS / 2;
        writer.onEvent(event, sequence++, true);

        header(event, EventKind.BOOK_SNAPSHOT, BTC, next());
        event.lastUpdateId = 1_000;
        event.batchIndex = 0;
        event.batchLast = false;
        event.addBid(6_180_020, 1_500);
        event.addBid(6_180_010, 2_000);
        event.addAsk(6_180_030, 200);
        writer.onEvent(event, sequence++, false);

        header(event, EventKind.BOOK_SNAPSHOT, BTC, receiveNs);
        event.lastUpdateId = 1_000;
        event.batchIndex = 1;
        event.batchLast = true;
        event.addBid(6_180_000, 3_000);
        event.addAsk(6_180_040, 1_000);
        event.addAsk(6_180_050, 4_000);
        writer.onEvent(event, sequence++, true);

        delta(event, next(), new long[] {6_180_020, 0}, new long[] {6_180_030, 500});
        event.firstUpdateId = 1_001;
        event.lastUpdateId = 1_002;
        event.prevUpdateId = 1_000;
        writer.onEvent(event, sequence++, true);

        header(event, EventKind.BBO, BTC, next());
        event.bboBidPrice = 6_180_010;
        event.bboBidQty = 2_000;
        event.bboAskPrice = 6_180_030;
        event.bboAskQty = 500;
        writer.onEvent(event, sequence++, true);

        header(event, EventKind.TRADE, BTC, next());
        event.tradeId = 77;
        event.tradePrice = 6_180_030;
        event.tradeQty = 250;
        event.tradeAggressor = OrderSide.BUY;
        writer.onEvent(event, sequence++, true);

        event.reset();
        event.kind = EventKind.DISCARDED;
        writer.onEvent(event, sequence++, true);

        receiveNs += 2_500 * MS;
        header(event, EventKind.TRADE, ETH, receiveNs);
        event.tradeId = 78;
        event.tradePrice = 300_001;
        event.tradeQty = 1_000;
        event.tradeAggressor = OrderSide.SELL;
        writer.onEvent(event, sequence++, true);

        header(event, EventKind.EXECUTION_REPORT, BTC, next());
        event.execType = ExecType.FILL;
        event.execSide = OrderSide.BUY;
        event.clientOrderId = 42;
        event.venueOrderId = 9_001;
        event.orderPrice = 6_180_030;
        event.orderQty = 250;
        event.lastFillPrice = 6_180_030;
        event.lastFillQty = 250;
        event.cumFillQty = 250;
        event.leavesQty = 0;
        event.execFee = 123_456;
        event.execMaker = false;
        writer.onEvent(event, sequence++, true);

        delta(event, next(), new long[] {6_180_015, 700}, new long[0]);
        writer.onEvent(event, sequence++, true);

        header(event, EventKind.BBO, BTC, next());
        event.bboBidPrice = 6_180_010;
        event.bboBidQty = 2_000;
        event.bboAskPrice = 6_180_030;
        event.bboAskQty = 500;
        writer.onEvent(event, sequence, true);
    }

    private long next() {
        receiveNs += MS;
        return receiveNs;
    }

    private static void command(final OrderCommand command, final OrderAction action, final int instrumentId,
        final RiskDecision decision, final long price, final long qty) {
        command.reset();
        command.action = action;
        command.instrumentId = instrumentId;
        command.venueId = Venue.BINANCE_USDM.id();
        command.strategyId = 3;
        command.clientOrderId = 1_000 + instrumentId;
        command.side = OrderSide.BUY;
        command.type = OrderType.LIMIT;
        command.timeInForce = TimeInForce.GTX;
        command.priceMantissa = price;
        command.qtyMantissa = qty;
        command.decision = decision;
        command.causeSequence = 4;
        command.causeExchangeTimeNs = T0;
        command.causeReceiveTimeNs = T0 + MS;
    }
}
