package io.ringtrader.gateway.binance;

import io.ringtrader.engine.book.BookHandler;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.pipeline.StageId;
import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.pipeline.WaitStrategyKind;
import io.ringtrader.sim.binance.BinanceSim;
import java.util.ArrayList;
import java.util.List;

/** Test set-up shared by the gateway's tests against exchange-sim: the config pointing at a sim, and the pipeline. */
final class SimPipelines {
    private SimPipelines() {
    }

    /**
     * A config whose {@code venues.binance} is enabled and points at {@code sim}.
     *
     * @param instruments the {@code instruments:} entries, one flow mapping each.
     * @param venueLines  further lines under {@code venues.binance} (indented by the caller's four spaces).
     */
    static RingTraderConfig config(final BinanceSim sim, final List<String> instruments, final String... venueLines) {
        final List<String> lines = new ArrayList<>();
        lines.add("instruments:");
        instruments.forEach(instrument -> lines.add("  - " + instrument));
        lines.addAll(List.of("venues:", "  binance:", "    enabled: true", "    restUrl: " + sim.restBaseUrl(),
            "    wsUrl: " + sim.wsBaseUrl()));
        lines.addAll(List.of(venueLines));
        lines.add("");
        return ConfigLoader.parse(String.join("\n", lines), "sim-test.yaml", name -> null).config();
    }

    /** Stops the pipeline (when one was built), then the sim (when one was started); for {@code @AfterEach}. */
    static void stop(final Pipeline pipeline, final BinanceSim sim) {
        try {
            if (pipeline != null) {
                pipeline.stop();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
        }
    }

    /**
     * A pipeline builder with a 4,096-slot ring, 32 levels a slot, sleeping threads (journal; book ... router;
     * venue; outbound journal) named after {@code prefix}, and the book stage over {@code books}.
     */
    static Pipeline.Builder builder(final String prefix, final OrderBooks books, final DistinctErrorHandler errors) {
        return Pipeline.builder()
            .inboundRingSize(4_096)
            .levelsPerSlot(32)
            .errorHandler(errors)
            .threads(List.of(
                StageThreadSpec.of(prefix + "-journal", WaitStrategyKind.SLEEPING, StageId.JOURNAL),
                StageThreadSpec.of(prefix + "-logic", WaitStrategyKind.SLEEPING, StageId.BOOK, StageId.FEATURES,
                    StageId.MODEL, StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
                StageThreadSpec.of(prefix + "-venue", WaitStrategyKind.SLEEPING, StageId.VENUE),
                StageThreadSpec.of(prefix + "-out-journal", WaitStrategyKind.SLEEPING, StageId.OUTBOUND_JOURNAL)))
            .book(new BookHandler(books, errors));
    }
}
