package io.ringtrader.engine.strategy;

import io.ringtrader.engine.config.StrategyConfig;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentNames;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.StrategyStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strategy stage: hands every event to the strategy instances it concerns, each bound to one
 * instrument. Market events go to the instances of their instrument (book updates once their batch is
 * complete), execution reports to the instance whose client order id they carry, timer ticks to every
 * instance, gateway status to the instances of its instrument (or of its venue when it names none).
 * Before each call the instance's context gets the event's time.
 *
 * <p>Assembled at start-up ({@link #bind}, or {@link #fromConfig}); then runs on the strategy stage's
 * thread only. Allocation-free per event.
 */
public final class StrategyHandler implements StrategyStage {
    private static final Strategy[] NO_STRATEGIES = new Strategy[0];
    private static final StrategyContext[] NO_CONTEXTS = new StrategyContext[0];

    private final InstrumentRegistry instruments;
    private final List<long[]> orderCounters = new ArrayList<>();
    private Strategy[][] strategiesByInstrument;
    private StrategyContext[][] contextsByInstrument;
    private Strategy[] all = NO_STRATEGIES;
    private StrategyContext[] allContexts = NO_CONTEXTS;
    private long unroutedReports;

    /** An empty stage; add instances with {@link #bind}. */
    public StrategyHandler(final InstrumentRegistry instruments) {
        this.instruments = instruments;
        final int count = instruments.count();
        strategiesByInstrument = new Strategy[count][];
        contextsByInstrument = new StrategyContext[count][];
        for (int id = 0; id < count; id++) {
            strategiesByInstrument[id] = NO_STRATEGIES;
            contextsByInstrument[id] = NO_CONTEXTS;
        }
    }

    /**
     * Builds one instance per configured strategy and bound instrument with the factory of its type;
     * strategy id = index in {@code configs}.
     *
     * @throws IllegalArgumentException when a type has no factory or a name no instrument.
     */
    public static StrategyHandler fromConfig(
        final InstrumentRegistry instruments, final List<StrategyConfig> configs, final StrategyFactories factories) {
        final StrategyHandler handler = new StrategyHandler(instruments);
        for (int strategyId = 0; strategyId < configs.size(); strategyId++) {
            final StrategyConfig config = configs.get(strategyId);
            final StrategyFactory factory = factories.require(config.type());
            for (final String name : config.instruments()) {
                final StrategyContext context = handler.context(strategyId, config.name(), byName(instruments, name));
                handler.bind(context, factory.create(config.params(), context));
            }
        }
        return handler;
    }

    /**
     * A context for a new instance of strategy {@code strategyId} on {@code instrument}; instances of one
     * strategy share its client order id sequence.
     */
    public StrategyContext context(final int strategyId, final String name, final Instrument instrument) {
        while (orderCounters.size() <= strategyId) {
            orderCounters.add(new long[1]);
        }
        return new StrategyContext(strategyId, name, instrument, orderCounters.get(strategyId));
    }

    /** Adds an instance; start-up only. */
    public void bind(final StrategyContext context, final Strategy strategy) {
        final int id = context.instrumentId();
        if (id < 0 || id >= strategiesByInstrument.length || instruments.byId(id) != context.instrument()) {
            throw new IllegalArgumentException("instrument " + context.instrument() + " is not in this registry");
        }
        for (final StrategyContext existing : allContexts) {
            if (existing.strategyId() == context.strategyId() && existing.instrumentId() == id) {
                throw new IllegalArgumentException("strategy " + context.strategyName() + " is bound to "
                    + context.instrument().qualifiedName() + " twice");
            }
        }
        strategiesByInstrument[id] = append(strategiesByInstrument[id], strategy);
        contextsByInstrument[id] = append(contextsByInstrument[id], context);
        all = append(all, strategy);
        allContexts = append(allContexts, context);
    }

    /** Strategy instances bound. */
    public int instanceCount() {
        return all.length;
    }

    /** Execution reports with a strategy's client order id whose instance was not found (wrong instrument). */
    public long unroutedReports() {
        return unroutedReports;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        final EventKind kind = event.kind;
        if (kind == null) {
            return;
        }
        switch (kind) {
            case BOOK_SNAPSHOT, BOOK_DELTA -> {
                if (event.batchLast) {
                    market(event);
                }
            }
            case BBO, TRADE, KLINE, MARKET_STATE -> market(event);
            case EXECUTION_REPORT -> executionReport(event);
            case TIMER -> {
                for (int i = 0; i < all.length; i++) {
                    allContexts[i].onEventTime(event);
                    all[i].onTimer(event);
                }
            }
            case GATEWAY_STATUS -> gatewayStatus(event);
            default -> {
            }
        }
    }

    private void market(final InboundEvent event) {
        final int id = event.instrumentId;
        if (id < 0 || id >= strategiesByInstrument.length) {
            return;
        }
        final Strategy[] strategies = strategiesByInstrument[id];
        final StrategyContext[] contexts = contextsByInstrument[id];
        for (int i = 0; i < strategies.length; i++) {
            contexts[i].onEventTime(event);
            strategies[i].onMarketEvent(event);
        }
    }

    private void executionReport(final InboundEvent event) {
        final int strategyId = StrategyContext.strategyIdOf(event.clientOrderId);
        final int id = event.instrumentId;
        if (strategyId < 0) {
            return;
        }
        if (id >= 0 && id < strategiesByInstrument.length) {
            final StrategyContext[] contexts = contextsByInstrument[id];
            for (int i = 0; i < contexts.length; i++) {
                if (contexts[i].strategyId() == strategyId) {
                    contexts[i].onEventTime(event);
                    strategiesByInstrument[id][i].onExecutionReport(event);
                    return;
                }
            }
        }
        unroutedReports++;
    }

    private void gatewayStatus(final InboundEvent event) {
        final int id = event.instrumentId;
        for (int i = 0; i < all.length; i++) {
            final Instrument instrument = allContexts[i].instrument();
            final boolean concerned = id >= 0 ? instrument.id() == id : instrument.venue().id() == event.venueId;
            if (concerned) {
                allContexts[i].onEventTime(event);
                all[i].onGatewayStatus(event);
            }
        }
    }

    /** The instrument a strategy config names: a qualified name, or a bare symbol only one venue has. */
    private static Instrument byName(final InstrumentRegistry instruments, final String name) {
        final InstrumentNames.Match<Instrument> match = instruments.resolve(name, false);
        if (!match.found()) {
            throw new IllegalArgumentException("strategy instrument: " + match.problem());
        }
        return match.instrument();
    }

    private static <T> T[] append(final T[] array, final T item) {
        final T[] copy = Arrays.copyOf(array, array.length + 1);
        copy[array.length] = item;
        return copy;
    }
}
