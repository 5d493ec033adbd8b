package io.ringtrader.engine.pipeline;

/** Journals every inbound event in ring order, in parallel with the business chain. Implemented by the recorder. */
public interface InboundJournal extends InboundStage {
    /** Where it writes (the queue's directory), for messages. */
    default String location() {
        return toString();
    }
}
