package io.ringtrader.engine.pipeline;

/** Turns decided intents into order commands on the outbound ring. */
public interface RouterStage extends InboundStage {
}
