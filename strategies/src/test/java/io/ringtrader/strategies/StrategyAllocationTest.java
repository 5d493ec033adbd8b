package io.ringtrader.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.features.Features;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.risk.KillSwitch;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.risk.RiskLimits;
import io.ringtrader.engine.strategy.StrategyContext;
import io.ringtrader.engine.strategy.StrategyHandler;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The strategy stage with the scalper and the risk stage with every limit on allocate nothing per event in
 * steady state: measured with the thread's allocation counter over round trips of entry, fill, exit, fill
 * and timer tick, after a warm-up.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StrategyAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final long MS = 1_000_000L;

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final StrategyHandler strategies = new StrategyHandler(instruments);
    private final PreTradeRiskHandler risk = new PreTradeRiskHandler(instruments,
        new RiskLimits(new long[] {100}, new long[] {10}, 1_000_000, 60_000 * MS, 1e12), new KillSwitch());
    private final InboundEvent balanced = new InboundEvent(1);
    private final InboundEvent bidHeavy = new InboundEvent(1);
    private final InboundEvent higher = new InboundEvent(1);
    private final InboundEvent fill = new InboundEvent(1);
    private final InboundEvent timer = new InboundEvent(1);
    private ObiScalper scalper;
    private long now = 1_700_000_000_000L * MS;

    @Test
    void shouldNotAllocatePerEventInSteadyState() {
        final StrategyContext context = strategies.context(0, "obi", instruments.byId(0));
        scalper = new ObiScalper(new ObiScalperParams(new BigDecimal("0.6"), true, 2, new BigDecimal("0.002"), 2, 2,
            Duration.ofSeconds(10), Duration.ZERO, ObiScalperParams.EntryOrderType.IOC_LIMIT, Duration.ofSeconds(5)), context);
        strategies.bind(context, scalper);
        for (int i = 0; i < WARM_UP; i++) {
            roundTrip();
        }
        final long before = allocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            roundTrip();
        }
        final long allocated = allocatedBytes() - before;
        assertEquals(2L * (WARM_UP + MEASURED), scalper.entries() + scalper.exits());
        assertEquals(2L * (WARM_UP + MEASURED), risk.count(RiskDecision.ACCEPTED));
        assertTrue(allocated < MEASURED, "allocated " + allocated + " bytes for " + MEASURED * 6 + " events");
    }

    private void roundTrip() {
        run(book(balanced, 0.0, 6_180_000));
        run(book(bidHeavy, 0.9, 6_180_000));
        run(fill(OrderSide.BUY, 6_180_010));
        run(book(higher, 0.0, 6_180_030));
        run(fill(OrderSide.SELL, 6_180_030));
        timer.reset();
        timer.kind = EventKind.TIMER;
        run(timer);
    }

    private void run(final InboundEvent event) {
        now += MS;
        event.receiveTimeNs = now;
        strategies.onEvent(event, 0, true);
        risk.onEvent(event, 0, true);
    }

    private InboundEvent book(final InboundEvent event, final double obi, final long bid) {
        event.resetStageOutputs();
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = 0;
        event.bookState = BookState.VALID;
        event.bookBidLevels = 1;
        event.bookAskLevels = 1;
        event.bookBidPrices[0] = bid;
        event.bookAskPrices[0] = bid + 10;
        event.features[Features.OBI] = obi;
        event.features[Features.OBI_WEIGHTED] = obi;
        event.features[Features.SPREAD_TICKS] = 1;
        event.featureCount = Features.COUNT;
        return event;
    }

    private InboundEvent fill(final OrderSide side, final long price) {
        fill.reset();
        fill.kind = EventKind.EXECUTION_REPORT;
        fill.instrumentId = 0;
        fill.execType = ExecType.FILL;
        fill.clientOrderId = scalper.workingOrderId();
        fill.execSide = side;
        fill.lastFillPrice = price;
        fill.lastFillQty = 2;
        fill.leavesQty = 0;
        return fill;
    }

    private static long allocatedBytes() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
