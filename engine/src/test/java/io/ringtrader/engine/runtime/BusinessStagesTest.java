package io.ringtrader.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.ExecutionMode;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.execution.PaperExchange;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.pipeline.FusedPipeline;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.strategy.StrategyContext;
import io.ringtrader.engine.strategy.StrategyFactories;
import io.ringtrader.engine.strategy.StrategyHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Engine#businessStages} wires the configured strategies and risk limits; the paper venue reports
 * the orders risk rejected. Fused on the test thread ({@code test-echo} buys at market on every trade).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BusinessStagesTest {
    private static final String YAML = """
        instruments:
          - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
        strategies:
          - {name: echo, type: test-echo, instruments: [BTCUSDT], params: {qty: QTY}}
        risk:
          maxOrderQty: "0.002"
          maxPosition: "0.003"
        """;

    @Test
    void shouldFillAcceptedOrdersAndReportRiskRejectionsBackToTheStrategy() {
        final List<String> reports = new ArrayList<>();
        final RingTraderConfig config = config(2);
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final Pipeline.Builder builder = Pipeline.builder().errorHandler(errors);
        final Engine.BusinessStages stages = Engine.businessStages(builder, config, instruments, errors);
        builder.journal((event, sequence, endOfBatch) -> {
            if (event.kind == EventKind.EXECUTION_REPORT) {
                reports.add(event.execType + " " + event.rejectCode);
            }
        });
        final FusedPipeline fused = builder.buildFused(64);
        fused.start();
        fused.process(snapshot(), 0);
        fused.process(trade(), 1);   // buy 0.002: filled, position 0.002
        fused.process(trade(), 2);   // buy 0.002 would make 0.004 > 0.003: MAX_POSITION, reported as REJECT
        fused.stop();

        assertEquals(List.of("ACK 0", "FILL 0", "REJECT " + PaperExchange.REJECT_RISK), reports);
        assertEquals(1, stages.risk().count(RiskDecision.ACCEPTED));
        assertEquals(1, stages.risk().count(RiskDecision.MAX_POSITION));
        assertEquals(2, stages.risk().position(0).qty());
        assertEquals(2, stages.risk().positionSnapshots().get(0).qty());
        assertTrue(stages.risk().sessionPnl() < 0, "the taker fee is a loss: " + stages.risk().sessionPnl());
        assertEquals(0, errors.totalCount());
    }

    @Test
    void shouldRejectAnOrderAboveMaxOrderQtyFromTheConfig() {
        final RingTraderConfig config = config(3);
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final Pipeline.Builder builder = Pipeline.builder().errorHandler(errors);
        final Engine.BusinessStages stages = Engine.businessStages(builder, config, instruments, errors);
        final FusedPipeline fused = builder.buildFused(64);
        fused.start();
        fused.process(snapshot(), 0);
        fused.process(trade(), 1);
        fused.stop();
        assertEquals(1, stages.risk().count(RiskDecision.MAX_ORDER_QTY));
    }

    /**
     * Live, two venues share BTCUSDT and only binance is enabled: the bitget strategy's order is refused by risk
     * (VENUE_NOT_ENABLED) and rejected back to it at once (code 900); the binance one goes to binance's venue stage.
     */
    @Test
    void shouldRejectACommandForAVenueThatIsNotEnabledBackToItsStrategy() {
        final RingTraderConfig config = ConfigLoader.parse("""
            instruments:
              - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
              - {symbol: BTCUSDT, venue: bitget, tickSize: "0.10", lotSize: "0.001"}
            venues:
              binance: {enabled: true, apiKey: k, apiSecret: s}
              bitget: {enabled: false}
            execution: {mode: live}
            strategies:
              - {name: on-binance, type: test-echo, instruments: [binance:BTCUSDT]}
              - {name: on-bitget, type: test-echo, instruments: [bitget:BTCUSDT]}
            """, "test.yaml", name -> null).config();
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final List<String> reports = new ArrayList<>();
        final List<String> sentToBinance = new ArrayList<>();
        final Pipeline.Builder builder = Pipeline.builder().errorHandler(errors)
            .venue(Venue.BINANCE_USDM, publisher -> (command, sequence, endOfBatch) ->
                sentToBinance.add(command.decision + " " + instruments.displayName(command.instrumentId)));
        final Engine.BusinessStages stages = Engine.businessStages(builder, config, instruments, errors);
        builder.journal((event, sequence, endOfBatch) -> {
            if (event.kind == EventKind.EXECUTION_REPORT) {
                reports.add(event.execType + " " + event.rejectCode + " " + instruments.displayName(event.instrumentId)
                    + " strategy " + StrategyContext.strategyIdOf(event.clientOrderId));
            }
        });
        final FusedPipeline fused = builder.buildFused(64);
        fused.start();
        for (int id = 0; id < 2; id++) {
            fused.process(snapshot(id), 2L * id);
            fused.process(trade(id), 2L * id + 1);
        }
        fused.stop();

        assertEquals(List.of("ACCEPTED binance:BTCUSDT"), sentToBinance);
        assertEquals(List.of("REJECT " + RejectCodes.VENUE_NOT_ENABLED + " bitget:BTCUSDT strategy 1"), reports);
        assertEquals(1, stages.risk().count(RiskDecision.VENUE_NOT_ENABLED));
        assertEquals(0, errors.totalCount(), errors.distinctErrors()::toString);
    }

    /** execution.venues: Binance live, Bitget on paper in one session; each venue's orders go where its mode says. */
    @Test
    void shouldFillAPaperVenuesOrdersOnPaperAndSendALiveVenuesToItsOrderEntry() {
        final RingTraderConfig config = ConfigLoader.parse("""
            instruments:
              - {symbol: BTCUSDT, venue: binance, tickSize: "0.10", lotSize: "0.001"}
              - {symbol: BTCUSDT, venue: bitget, tickSize: "0.10", lotSize: "0.001"}
            venues:
              binance: {enabled: true, apiKey: k, apiSecret: s}
              bitget: {enabled: true}
            execution: {mode: live, venues: {bitget: paper}}
            strategies:
              - {name: on-binance, type: test-echo, instruments: [binance:BTCUSDT]}
              - {name: on-bitget, type: test-echo, instruments: [bitget:BTCUSDT]}
            """, "test.yaml", name -> null).config();
        assertEquals(ExecutionMode.LIVE, config.execution().modeOf("binance"));
        assertEquals(ExecutionMode.PAPER, config.execution().modeOf("bitget"));
        assertEquals(EnumSet.of(Venue.BITGET_USDT_FUTURES), Engine.paperVenues(config));
        final InstrumentRegistry instruments = Engine.registry(config.instruments());
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final List<String> reports = new ArrayList<>();
        final List<String> sentToBinance = new ArrayList<>();
        final Pipeline.Builder builder = Pipeline.builder().errorHandler(errors)
            .venue(Venue.BINANCE_USDM, publisher -> (command, sequence, endOfBatch) ->
                sentToBinance.add(command.decision + " " + instruments.displayName(command.instrumentId)));
        Engine.businessStages(builder, config, instruments, errors);
        builder.journal((event, sequence, endOfBatch) -> {
            if (event.kind == EventKind.EXECUTION_REPORT) {
                reports.add(event.execType + " " + instruments.displayName(event.instrumentId));
            }
        });
        final FusedPipeline fused = builder.buildFused(64);
        fused.start();
        for (int id = 0; id < 2; id++) {
            fused.process(snapshot(id), 2L * id);
            fused.process(trade(id), 2L * id + 1);
        }
        fused.stop();

        assertEquals(List.of("ACCEPTED binance:BTCUSDT"), sentToBinance, "the live venue's order goes to its order entry");
        assertEquals(List.of("ACK bitget:BTCUSDT", "FILL bitget:BTCUSDT"), reports, "the paper venue fills only its own");
        assertEquals(0, errors.totalCount(), errors.distinctErrors()::toString);
    }

    @Test
    void shouldLetThePaperVenueTakeEveryVenuesOrdersAndALiveSessionOnlyTheEnabledVenues() {
        final RingTraderConfig paper = config(1);
        final RingTraderConfig live = ConfigLoader.parse("""
            venues:
              bitget: {enabled: true, apiKey: k, apiSecret: s, passphrase: p}
            execution: {mode: live}
            """, "test.yaml", name -> null).config();

        assertEquals(EnumSet.allOf(Venue.class), Engine.orderVenues(paper));
        assertEquals(EnumSet.of(Venue.BITGET_USDT_FUTURES), Engine.orderVenues(live));
    }

    @Test
    void shouldRefuseAStrategyTypeWithoutFactory() {
        final RingTraderConfig config = config(1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrategyHandler.fromConfig(Engine.registry(config.instruments()), config.strategies(), new StrategyFactories(List.of())));
        assertTrue(e.getMessage().startsWith("unknown strategy type 'test-echo'"), e.getMessage());
    }

    private static RingTraderConfig config(final int qty) {
        return ConfigLoader.parse(YAML.replace("QTY", Integer.toString(qty)), "test.yaml", name -> null).config();
    }

    private static InboundEvent snapshot() {
        return snapshot(0);
    }

    private static InboundEvent snapshot(final int instrumentId) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.BOOK_SNAPSHOT;
        event.instrumentId = instrumentId;
        event.receiveTimeNs = 1_000;
        event.addBid(6_180_000, 5_000);
        event.addAsk(6_180_010, 5_000);
        return event;
    }

    private static InboundEvent trade() {
        return trade(0);
    }

    private static InboundEvent trade(final int instrumentId) {
        final InboundEvent event = new InboundEvent(4);
        event.kind = EventKind.TRADE;
        event.instrumentId = instrumentId;
        event.receiveTimeNs = 2_000;
        event.tradePrice = 6_180_010;
        event.tradeQty = 1;
        event.tradeAggressor = OrderSide.BUY;
        return event;
    }
}
