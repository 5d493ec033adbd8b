package io.ringtrader.engine.pipeline;

/** Keeps the per-instrument order books and writes the book-state fields of the slot. */
public interface BookStage extends InboundStage {
}
