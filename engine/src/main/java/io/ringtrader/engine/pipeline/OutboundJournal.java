package io.ringtrader.engine.pipeline;

/** Journals every order command with its risk decision. Implemented by the recorder. */
public interface OutboundJournal extends OutboundStage {
    /** Where it writes (the queue's directory), for messages. */
    default String location() {
        return toString();
    }
}
