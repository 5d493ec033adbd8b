package io.ringtrader.engine.pipeline;

/** Writes a decision on every intent of the slot. */
public interface RiskStage extends InboundStage {
}
