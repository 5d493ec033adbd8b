package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The risk stage's venue bookkeeping allocates nothing per event in steady state: connection statuses, book
 * invalidation and resync, venue rejects counted by code and per strategy, acks that reset the count, and orders
 * decided through the pause check. Measured with the thread's allocation counter after a warm-up.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VenueEventsAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final int BINANCE = Venue.BINANCE_USDM.id();

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments, RiskLimits.none(1), new KillSwitch(),
        new StrategyPauses(10, List.of("obi-btc")));
    private final InboundEvent event = new InboundEvent(1);
    private long sequence;

    @Test
    void shouldNotAllocatePerEventInSteadyState() {
        for (int i = 0; i < WARM_UP; i++) {
            round();
        }
        final long before = allocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            round();
        }
        final long allocated = allocatedBytes() - before;
        assertEquals(2L * (WARM_UP + MEASURED), risk.count(RiskDecision.ACCEPTED));
        assertEquals(3L * (WARM_UP + MEASURED), risk.venues().venueRejects(), "429 is local");
        assertEquals(0, risk.pauses().pauses(), "never ten in a row");
        assertTrue(allocated < MEASURED, "allocated " + allocated + " bytes for " + MEASURED * 14 + " events");
    }

    private void round() {
        status(-1, GatewayStatus.CONNECTED, 0);
        book(BookState.VALID);
        order();
        for (int i = 0; i < 3; i++) {
            report(ExecType.REJECT, -2019);
            report(ExecType.REJECT, 429);
        }
        report(ExecType.ACK, 0);
        status(-1, GatewayStatus.DISCONNECTED, 0);
        status(0, GatewayStatus.BOOK_INVALID, 3);
        book(BookState.INVALID);
        status(-1, GatewayStatus.CONNECTED, 0);
        book(BookState.VALID);
        order();
    }

    private void status(final int instrumentId, final GatewayStatus status, final int detail) {
        event.reset();
        event.kind = EventKind.GATEWAY_STATUS;
        event.instrumentId = instrumentId;
        event.venueId = BINANCE;
        event.gatewayStatus = status;
        event.statusDetail = detail;
        if (instrumentId >= 0) {
            event.bookState = BookState.INVALID;
        }
        risk.onEvent(event, sequence++, true);
    }

    private void book(final BookState state) {
        event.reset();
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = 0;
        event.venueId = BINANCE;
        event.bookState = state;
        event.bookBidLevels = 1;
        event.bookAskLevels = 1;
        event.bookBidPrices[0] = 6_180_000;
        event.bookAskPrices[0] = 6_180_010;
        risk.onEvent(event, sequence++, true);
    }

    private void order() {
        event.reset();
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.venueId = BINANCE;
        event.bookState = BookState.VALID;
        event.addIntent().newOrder(0, 0, (1L << 40) | 1, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 6_180_000, 1,
            false);
        risk.onEvent(event, sequence++, true);
    }

    private void report(final ExecType type, final int code) {
        event.reset();
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = 0;
        event.venueId = BINANCE;
        event.execType = type;
        event.clientOrderId = (1L << 40) | 1;
        event.rejectCode = code;
        risk.onEvent(event, sequence++, true);
    }

    private static long allocatedBytes() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
