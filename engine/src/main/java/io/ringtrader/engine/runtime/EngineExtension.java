package io.ringtrader.engine.runtime;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.Pipeline;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds to an engine what lives in modules the engine cannot depend on: the journal stages (recorder),
 * gateways as producers. Called once, on the assembling thread, just before the pipeline is built.
 */
@FunctionalInterface
public interface EngineExtension {
    /** No additions. */
    EngineExtension NONE = (builder, instruments, errors) -> { };

    void extend(Pipeline.Builder builder, InstrumentRegistry instruments, DistinctErrorHandler errors);

    /**
     * The venues ({@code binance}, {@code bitget}) whose gateways this extension adds. The engine refuses a
     * config that enables a venue no extension connects, rather than run without it.
     */
    default Set<String> connectedVenues() {
        return Set.of();
    }

    /** This extension, then {@code next}; connects the venues of both. */
    default EngineExtension andThen(final EngineExtension next) {
        final EngineExtension first = this;
        return new EngineExtension() {
            @Override
            public void extend(final Pipeline.Builder builder, final InstrumentRegistry instruments,
                final DistinctErrorHandler errors) {
                first.extend(builder, instruments, errors);
                next.extend(builder, instruments, errors);
            }

            @Override
            public Set<String> connectedVenues() {
                final Set<String> both = new TreeSet<>(first.connectedVenues());
                both.addAll(next.connectedVenues());
                return Set.copyOf(both);
            }
        };
    }
}
