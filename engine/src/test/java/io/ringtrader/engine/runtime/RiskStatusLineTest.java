package io.ringtrader.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.risk.KillSwitch;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.risk.RiskLimits;
import io.ringtrader.engine.risk.StrategyPauses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status line's venue, book, reject and pause sections, from the events the risk stage saw. */
class RiskStatusLineTest {
    private static final int BINANCE = Venue.BINANCE_USDM.id();
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0),
        new Instrument(1, Venue.BINANCE_USDM, "ETHUSDT", 2, 1, 3, 1, 1, 0)));
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments, RiskLimits.none(2), new KillSwitch(),
        new StrategyPauses(2, List.of("obi-btc")));
    private long sequence;

    @Test
    void shouldSayConnectingBeforeTheVenueReportedAConnection() {
        assertEquals(" | binance connecting", venues());
    }

    @Test
    void shouldShowTheVenueConnectedWhenEveryConnectionIsUp() {
        connection(0, GatewayStatus.CONNECTED);
        connection(1000, GatewayStatus.CONNECTED);
        connection(100, GatewayStatus.CONNECTED);

        assertEquals(" | binance connected 3/3", venues());
        assertTrue(risk.venues().isUp(BINANCE));
    }

    @Test
    void shouldShowTheVenueDisconnectedWhileAConnectionIsDown() {
        connection(0, GatewayStatus.CONNECTED);
        connection(1000, GatewayStatus.CONNECTED);
        connection(0, GatewayStatus.DISCONNECTED);
        connection(0, GatewayStatus.DISCONNECTED);

        assertEquals(" | binance DISCONNECTED 1/2 down", venues(), "a repeated report of a failed attempt counts once");
        connection(0, GatewayStatus.CONNECTED);
        assertEquals(" | binance connected 2/2", venues());
    }

    @Test
    void shouldMarkThePricesOfAnInvalidBookStale() {
        book(0, BookState.VALID, 6_180_010, 6_180_020);
        book(1, BookState.VALID, 300_001, 300_002);
        bookInvalid(0);

        assertEquals(" | BTCUSDT 61800.10/61800.20 STALE (book INVALID)", quote(0));
        assertEquals(" | ETHUSDT 3000.01/3000.02", quote(1));
        assertTrue(RiskStatusLine.isStale(risk, 0));
        assertFalse(RiskStatusLine.isStale(risk, 1));
    }

    @Test
    void shouldShowThePricesAsFreshAgainOnceTheBookIsValid() {
        book(0, BookState.VALID, 6_180_010, 6_180_020);
        bookInvalid(0);
        book(0, BookState.VALID, 6_180_030, 6_180_040);

        assertEquals(" | BTCUSDT 61800.30/61800.40", quote(0));
    }

    @Test
    void shouldShowTheOrderEntryHaltWithTheVenuesCode() {
        connection(0, GatewayStatus.CONNECTED);
        final InboundEvent halted = status(-1, GatewayStatus.ORDER_ENTRY_HALTED, -1022);
        risk.onEvent(halted, sequence++, true);

        assertEquals(" | binance connected 1/1 ORDER ENTRY HALTED (code -1022)", venues());
    }

    @Test
    void shouldCountVenueRejectsByCodeAndLeaveLocalRejectsOut() {
        reject(-1022);
        reject(-1022);
        reject(-2019);
        reject(429);
        reject(2);

        final StringBuilder line = new StringBuilder();
        RiskStatusLine.appendRejects(line, risk, List.of(Venue.BINANCE_USDM));
        assertEquals("rejects risk 0 venue 3 (-1022 x2, -2019 x1)", line.toString());
    }

    @Test
    void shouldNameAPausedStrategyWithItsLastVenueCode() {
        reject(-2019);
        reject(-2019);

        final StringBuilder line = new StringBuilder();
        RiskStatusLine.appendPauses(line, risk);
        assertEquals(" | PAUSED obi-btc (2 venue rejects in a row, last -2019)", line.toString());
    }

    @Test
    void shouldNameEachInstrumentByItsQualifiedNameWhereTwoVenuesShareTheSymbol() {
        final InstrumentRegistry shared = new InstrumentRegistry(List.of(
            new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0),
            new Instrument(1, Venue.BITGET_USDT_FUTURES, "BTCUSDT", 1, 1, 3, 1, 1, 0),
            new Instrument(2, Venue.BINANCE_USDM, "ETHUSDT", 2, 1, 3, 1, 1, 0)));
        final PreTradeRiskHandler sharedRisk = new PreTradeRiskHandler(shared);

        final StringBuilder line = new StringBuilder();
        for (int id = 0; id < shared.count(); id++) {
            RiskStatusLine.appendQuote(line, sharedRisk, shared, id);
        }

        assertEquals(" | binance:BTCUSDT no book | bitget:BTCUSDT no book | ETHUSDT no book", line.toString());
    }

    private String venues() {
        final StringBuilder line = new StringBuilder();
        RiskStatusLine.appendVenues(line, risk, RiskStatusLine.venuesOf(instruments));
        return line.toString();
    }

    private String quote(final int instrumentId) {
        final StringBuilder line = new StringBuilder();
        RiskStatusLine.appendQuote(line, risk, instruments.byId(instrumentId));
        return line.toString();
    }

    private void connection(final int detail, final GatewayStatus status) {
        risk.onEvent(status(-1, status, detail), sequence++, true);
    }

    private void bookInvalid(final int instrumentId) {
        final InboundEvent event = status(instrumentId, GatewayStatus.BOOK_INVALID, 3);
        event.bookState = BookState.INVALID;
        risk.onEvent(event, sequence++, true);
    }

    private static InboundEvent status(final int instrumentId, final GatewayStatus status, final int detail) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.GATEWAY_STATUS;
        event.instrumentId = instrumentId;
        event.venueId = BINANCE;
        event.gatewayStatus = status;
        event.statusDetail = detail;
        return event;
    }

    private void book(final int instrumentId, final BookState state, final long bid, final long ask) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = instrumentId;
        event.venueId = BINANCE;
        event.bookState = state;
        event.bookBidLevels = 1;
        event.bookAskLevels = 1;
        event.bookBidPrices[0] = bid;
        event.bookAskPrices[0] = ask;
        risk.onEvent(event, sequence++, true);
    }

    private void reject(final int code) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = 0;
        event.venueId = BINANCE;
        event.execType = ExecType.REJECT;
        event.clientOrderId = (1L << 40) | (sequence + 1);
        event.rejectCode = code;
        risk.onEvent(event, sequence++, true);
    }
}
