package io.ringtrader.engine.risk;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.RiskStage;

/**
 * The pre-trade checks every intent passes before it may reach a venue: the instrument exists, the
 * order is well formed (positive quantity on the lot grid, a positive limit price on the tick grid), and
 * the instrument's book is {@link BookState#VALID} as last reported by the book stage. Cancels are
 * always allowed for known instruments: they only reduce risk.
 *
 * <p>The book state is tracked from the book-state fields of the events the risk stage sees, so the check
 * needs no shared state with the book thread. Decisions are counted per reason.
 *
 * <p>Runs on the risk stage's thread only.
 */
public final class PreTradeRiskHandler implements RiskStage {
    private static final RiskDecision[] DECISIONS = RiskDecision.values();

    private final InstrumentRegistry instruments;
    private final BookState[] bookStates;
    private final long[] decisionCounts = new long[DECISIONS.length];

    public PreTradeRiskHandler(final InstrumentRegistry instruments) {
        this.instruments = instruments;
        this.bookStates = new BookState[instruments.count()];
        java.util.Arrays.fill(bookStates, BookState.AWAITING_SNAPSHOT);
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        final int instrumentId = event.instrumentId;
        if (event.bookState != null && instrumentId >= 0 && instrumentId < bookStates.length) {
            bookStates[instrumentId] = event.bookState;
        }
        for (int i = 0; i < event.intentCount; i++) {
            final OrderIntent intent = event.intents[i];
            intent.decision = decide(intent);
            decisionCounts[intent.decision.ordinal()]++;
        }
    }

    /** Intents decided with this outcome so far. */
    public long count(final RiskDecision decision) {
        return decisionCounts[decision.ordinal()];
    }

    private RiskDecision decide(final OrderIntent intent) {
        final int instrumentId = intent.instrumentId;
        if (instrumentId < 0 || instrumentId >= bookStates.length || intent.action == null) {
            return RiskDecision.INVALID_ORDER;
        }
        if (intent.action == OrderAction.CANCEL) {
            return RiskDecision.ACCEPTED;
        }
        final Instrument instrument = instruments.byId(instrumentId);
        if (intent.side == null || intent.type == null || intent.timeInForce == null
            || intent.qtyMantissa <= 0 || !instrument.isOnLot(intent.qtyMantissa)) {
            return RiskDecision.INVALID_ORDER;
        }
        if (intent.type == OrderType.LIMIT && (intent.priceMantissa <= 0 || !instrument.isOnTick(intent.priceMantissa))) {
            return RiskDecision.INVALID_ORDER;
        }
        if (bookStates[instrumentId] != BookState.VALID) {
            return RiskDecision.BOOK_NOT_VALID;
        }
        return RiskDecision.ACCEPTED;
    }
}
