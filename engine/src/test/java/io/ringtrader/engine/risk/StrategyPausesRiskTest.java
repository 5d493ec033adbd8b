package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.OrderIntent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import io.ringtrader.engine.execution.PaperExchange;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strategy-pause rule in the risk stage: N venue rejects in a row of one strategy's orders pause it, decided from
 * the execution reports in ring order; local rejects do not count; an operator command resumes it.
 */
class StrategyPausesRiskTest {
    private static final int MAX = 3;
    private static final int BINANCE = Venue.BINANCE_USDM.id();
    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
    private final PreTradeRiskHandler risk = newRisk();
    private long sequence;

    private PreTradeRiskHandler newRisk() {
        return new PreTradeRiskHandler(instruments, RiskLimits.none(1), new KillSwitch(),
            new StrategyPauses(MAX, List.of("obi-btc", "obi-eth")));
    }

    @Test
    void shouldPauseAStrategyAfterTheConfiguredVenueRejectsInARow() {
        validBook(risk);
        venueRejects(risk, 0, -2019, MAX);

        assertTrue(risk.pauses().isPaused(0));
        assertEquals(RiskDecision.STRATEGY_PAUSED, order(risk, 0));
        assertEquals(1, risk.count(RiskDecision.STRATEGY_PAUSED));
    }

    @Test
    void shouldNotPauseBeforeTheCountIsReached() {
        validBook(risk);
        venueRejects(risk, 0, -2019, MAX - 1);

        assertFalse(risk.pauses().isPaused(0));
        assertEquals(RiskDecision.ACCEPTED, order(risk, 0));
    }

    @Test
    void shouldLetOtherStrategiesAndThePausedStrategysCancelsPass() {
        validBook(risk);
        venueRejects(risk, 0, -1022, MAX);

        assertEquals(RiskDecision.ACCEPTED, order(risk, 1), "another strategy");
        assertEquals(RiskDecision.ACCEPTED, cancel(risk, 0), "cancels only reduce risk");
    }

    @Test
    void shouldStartCountingAgainWhenTheVenueAcceptsAnOrderOfTheStrategy() {
        validBook(risk);
        venueRejects(risk, 0, -2019, MAX - 1);
        report(risk, 0, ExecType.ACK, 0);
        venueRejects(risk, 0, -2019, MAX - 1);

        assertFalse(risk.pauses().isPaused(0));
        assertEquals(MAX - 1, risk.pauses().consecutiveRejects(0));
    }

    @Test
    void shouldNeitherCountNorResetOnLocalRejects() {
        validBook(risk);
        venueRejects(risk, 0, -2019, MAX - 1);
        report(risk, 0, ExecType.REJECT, 429);
        report(risk, 0, ExecType.REJECT, PaperExchange.REJECT_POST_ONLY_WOULD_TAKE);
        report(risk, 0, ExecType.REJECT, PaperExchange.REJECT_RISK);

        assertEquals(MAX - 1, risk.pauses().consecutiveRejects(0));
        venueRejects(risk, 0, RejectCodes.VENUE_UNCODED, 1);
        assertTrue(risk.pauses().isPaused(0), "a venue reject without a code is still the venue's");
    }

    @Test
    void shouldResumeThePausedStrategyWhenTheOperatorCommandReachesTheRiskStage() {
        validBook(risk);
        venueRejects(risk, 0, -2019, MAX);
        venueRejects(risk, 1, -2019, MAX);

        operatorResume(risk, 0);

        assertEquals(RiskDecision.ACCEPTED, order(risk, 0));
        assertEquals(RiskDecision.STRATEGY_PAUSED, order(risk, 1), "only the named strategy resumed");
        assertEquals(0, risk.pauses().consecutiveRejects(0));
        operatorResume(risk, OperatorCommand.ALL_STRATEGIES);
        assertEquals(RiskDecision.ACCEPTED, order(risk, 1));
    }

    @Test
    void shouldNeverPauseWhenTheRuleIsOff() {
        final PreTradeRiskHandler off = new PreTradeRiskHandler(instruments, RiskLimits.none(1), new KillSwitch(),
            new StrategyPauses(StrategyPauses.OFF, List.of("obi-btc")));
        validBook(off);
        venueRejects(off, 0, -2019, 50);

        assertEquals(RiskDecision.ACCEPTED, order(off, 0));
        assertEquals(50, off.pauses().consecutiveRejects(0));
    }

    @Test
    void shouldDecideTheSameWhenTheSameEventsAreReplayed() {
        final List<RiskDecision> live = script(risk);
        final List<RiskDecision> replay = script(newRisk());

        assertEquals(live, replay);
        assertTrue(live.contains(RiskDecision.STRATEGY_PAUSED), live.toString());
    }

    /** Orders interleaved with venue rejects, an ack, a local reject and a resume, in one ring order. */
    private List<RiskDecision> script(final PreTradeRiskHandler handler) {
        sequence = 0;
        final List<RiskDecision> decisions = new ArrayList<>();
        validBook(handler);
        for (int round = 0; round < 12; round++) {
            decisions.add(order(handler, round % 2));
            if (round % 5 == 4) {
                report(handler, round % 2, ExecType.ACK, 0);
            } else if (round == 7) {
                report(handler, 0, ExecType.REJECT, 429);
            } else if (round == 9) {
                operatorResume(handler, 0);
            } else {
                report(handler, round % 2, ExecType.REJECT, -2019);
            }
        }
        return decisions;
    }

    private void validBook(final PreTradeRiskHandler handler) {
        final InboundEvent book = new InboundEvent(1);
        book.kind = EventKind.BOOK_SNAPSHOT;
        book.instrumentId = 0;
        book.venueId = BINANCE;
        book.bookState = BookState.VALID;
        handler.onEvent(book, sequence++, true);
    }

    private void venueRejects(final PreTradeRiskHandler handler, final int strategyId, final int code, final int count) {
        for (int i = 0; i < count; i++) {
            report(handler, strategyId, ExecType.REJECT, code);
        }
    }

    private void report(final PreTradeRiskHandler handler, final int strategyId, final ExecType type, final int code) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = 0;
        event.venueId = BINANCE;
        event.execType = type;
        event.clientOrderId = clientOrderId(strategyId, sequence);
        event.rejectCode = code;
        handler.onEvent(event, sequence++, true);
    }

    private void operatorResume(final PreTradeRiskHandler handler, final int target) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.OPERATOR;
        event.operatorCommand = OperatorCommand.STRATEGY_RESUME;
        event.operatorSource = OperatorCommand.SOURCE_JMX;
        event.operatorTarget = target;
        handler.onEvent(event, sequence++, true);
    }

    private RiskDecision order(final PreTradeRiskHandler handler, final int strategyId) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TRADE;
        event.instrumentId = 0;
        event.venueId = BINANCE;
        event.bookState = BookState.VALID;
        final OrderIntent intent = event.addIntent();
        intent.newOrder(0, strategyId, clientOrderId(strategyId, sequence), OrderSide.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 6_180_020, 1, false);
        handler.onEvent(event, sequence++, true);
        return intent.decision;
    }

    private RiskDecision cancel(final PreTradeRiskHandler handler, final int strategyId) {
        final InboundEvent event = new InboundEvent(1);
        event.kind = EventKind.TIMER;
        event.addIntent().cancel(0, strategyId, clientOrderId(strategyId, 1));
        handler.onEvent(event, sequence++, true);
        return event.intents[0].decision;
    }

    /** A client order id of the strategy, as {@code StrategyContext} issues them. */
    private static long clientOrderId(final int strategyId, final long n) {
        return ((long)(strategyId + 1) << 40) | (n + 1);
    }
}
