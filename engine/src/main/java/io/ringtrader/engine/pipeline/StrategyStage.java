package io.ringtrader.engine.pipeline;

/** Decides what to trade: adds order intents to the slot. */
public interface StrategyStage extends InboundStage {
}
