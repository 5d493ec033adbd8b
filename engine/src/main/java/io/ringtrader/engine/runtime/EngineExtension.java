package io.ringtrader.engine.runtime;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.Pipeline;

/**
 * Adds to an engine what lives in modules the engine cannot depend on: the journal stages (recorder),
 * gateways as producers. Called once, on the assembling thread, just before the pipeline is built.
 */
@FunctionalInterface
public interface EngineExtension {
    /** No additions. */
    EngineExtension NONE = (builder, instruments, errors) -> { };

    void extend(Pipeline.Builder builder, InstrumentRegistry instruments, DistinctErrorHandler errors);
}
