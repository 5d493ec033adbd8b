package io.ringtrader.engine.pipeline;

/** Computes features (order-book imbalance and friends) into the slot's feature vector. */
public interface FeatureStage extends InboundStage {
}
