package io.ringtrader.engine.pipeline;

/** Scores the features (ONNX model) into the slot's scores. */
public interface ModelStage extends InboundStage {
}
