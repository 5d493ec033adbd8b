package io.ringtrader.engine.pipeline;

import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;

/**
 * Pass-through stages for the parts of the chain a deployment does not configure (no model, no
 * strategy, no journal yet). They do nothing; an event passes them unchanged.
 */
public final class NoOpStages {
    private NoOpStages() {
    }

    /** Journals nothing. */
    public static final class Journal implements InboundJournal {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Keeps no book. */
    public static final class Book implements BookStage {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Computes no features. */
    public static final class Features implements FeatureStage {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Scores nothing. */
    public static final class Model implements ModelStage {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Decides nothing. */
    public static final class Strategy implements StrategyStage {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Leaves intents pending; with the no-op strategy there are none. */
    public static final class Risk implements RiskStage {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Routes nothing. */
    public static final class Router implements RouterStage {
        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Sends nothing. */
    public static final class Venue implements VenueStage {
        @Override
        public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        }
    }

    /** Journals nothing. */
    public static final class OutboundJournalStage implements OutboundJournal {
        @Override
        public void onCommand(final OrderCommand command, final long sequence, final boolean endOfBatch) {
        }
    }
}
