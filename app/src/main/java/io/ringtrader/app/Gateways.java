package io.ringtrader.app;

import io.ringtrader.engine.config.ExecutionMode;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.config.VenueConfig;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.execution.VenueExposure;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.pipeline.Pipeline;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.engine.runtime.EngineMode;
import io.ringtrader.engine.runtime.SessionTag;
import io.ringtrader.gateway.binance.BinanceGateway;
import io.ringtrader.gateway.binance.rest.BinanceOrderEntry;
import io.ringtrader.recorder.RawFrameWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Connects the enabled venues: an engine extension that adds each venue's gateway as an inbound producer and, for
 * live trading, its order entry as the venue stage. Bitget has no gateway yet, so enabling it is refused by the
 * engine.
 */
final class Gateways implements EngineExtension {
    private final RingTraderConfig config;
    private final EpochNanoClock clock;
    private final EngineMode mode;
    private final Supplier<RawFrameWriter> raw;
    private final SessionTag sessionTag;
    private BinanceGateway binance;

    /**
     * @param raw        gives the raw-frame writer of the session journal ({@code journal.recordRaw}); returns null for none.
     * @param sessionTag the session's tag, which the gateways name the session's orders with on the venue.
     */
    Gateways(final RingTraderConfig config, final EpochNanoClock clock, final EngineMode mode,
        final Supplier<RawFrameWriter> raw, final SessionTag sessionTag) {
        this.config = config;
        this.clock = clock;
        this.mode = mode;
        this.raw = raw;
        this.sessionTag = sessionTag;
    }

    @Override
    public void extend(final Pipeline.Builder builder, final InstrumentRegistry instruments, final DistinctErrorHandler errors) {
        final VenueConfig venue = config.venues().binance();
        if (!venue.enabled()) {
            return;
        }
        final boolean live = mode == EngineMode.TRADE && config.execution().mode() == ExecutionMode.LIVE;
        binance = new BinanceGateway(venue, instruments, config.pipeline().levelsPerSlot(), clock, errors, raw.get(), live,
            sessionTag.value());
        builder.producer(binance);
        if (live) {
            builder.venue(binance::orderEntry);
        }
    }

    @Override
    public Set<String> connectedVenues() {
        return Set.of(VenueConfig.BINANCE);
    }

    /** The Binance gateway, once the engine was assembled with it; null when Binance is not enabled. */
    BinanceGateway binance() {
        return binance;
    }

    /**
     * At the session's stop, once the engine stopped (rings drained, gateways stopped): each venue traded live takes
     * {@code execution.onStop} over REST and reports what is still open on it; then the stop summary's lines for it
     * (the action, what is still open, an order-entry halt). Empty when no venue trades live. Blocks for the requests.
     */
    List<String> atStop() {
        if (binance == null || !binance.tradesLive()) {
            return List.of();
        }
        final List<String> lines = new ArrayList<>();
        final BinanceOrderEntry entry = binance.liveOrderEntry();
        if (entry != null && entry.isHalted()) {
            lines.add("binance order entry: HALTED by the venue's code " + entry.haltCode() + " (credentials or "
                + "permissions refused); " + entry.refusedWhileHalted() + " later commands refused without a request");
        }
        final VenueExposure exposure = binance.atStop(config.execution().onStop());
        lines.addAll(exposure.summaryLines());
        return lines;
    }

    /** How this session's orders are named on Binance ({@code rt-<tag>-<n>}); null when it does not trade there live. */
    String binanceClientOrderIds() {
        return binance != null && binance.tradesLive() ? binance.clientOrderIds().pattern() : null;
    }
}
