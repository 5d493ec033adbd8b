package io.ringtrader.engine.pipeline;

/** Journals every order command with its risk decision. Implemented by the recorder. */
public interface OutboundJournal extends OutboundStage {
}
