package io.ringtrader.engine.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How orders are executed.
 *
 * @param mode         paper (simulated fills) or live.
 * @param makerFeeRate paper venue: fee on resting (maker) fills, as a fraction of notional (0.0002 = 2 bp).
 * @param takerFeeRate paper venue: fee on taking (taker) fills, as a fraction of notional.
 * @param onStop       live: what the session does at its stop about the orders and positions it still has on each
 *                     venue; {@link OnStopAction#CANCEL_ORDERS} unless configured ({@link OnStopAction#LEAVE} when no
 *                     venue is live: paper has nothing on a venue).
 * @param venueModes   per venue (config name), a mode other than {@code mode}: {@code execution.venues}, e.g. Binance
 *                     live and Bitget paper in one session.
 */
public record ExecutionConfig(ExecutionMode mode, BigDecimal makerFeeRate, BigDecimal takerFeeRate, OnStopAction onStop,
                              Map<String, ExecutionMode> venueModes) {
    static final BigDecimal DEFAULT_MAKER_FEE_RATE = new BigDecimal("0.0002");
    static final BigDecimal DEFAULT_TAKER_FEE_RATE = new BigDecimal("0.0004");

    public ExecutionConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(makerFeeRate, "makerFeeRate");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
        Objects.requireNonNull(onStop, "onStop");
        venueModes = Map.copyOf(venueModes);
    }

    /** All venues in one mode, default fees and stop action. */
    public ExecutionConfig(final ExecutionMode mode, final BigDecimal makerFeeRate, final BigDecimal takerFeeRate,
        final OnStopAction onStop) {
        this(mode, makerFeeRate, takerFeeRate, onStop, Map.of());
    }

    /** How the orders of {@code venue} (its config name) are executed: its {@code execution.venues} entry, else {@link #mode}. */
    public ExecutionMode modeOf(final String venue) {
        return venueModes.getOrDefault(venue, mode);
    }

    /** True when any venue (of those named, and the default) trades live. */
    public boolean anyLive() {
        return mode == ExecutionMode.LIVE || venueModes.containsValue(ExecutionMode.LIVE);
    }

    /** True when any venue trades on paper. */
    public boolean anyPaper() {
        return mode == ExecutionMode.PAPER || venueModes.containsValue(ExecutionMode.PAPER);
    }

    /**
     * @param venueNames the venues {@code venues:} may configure (the installed gateways'): {@code execution.venues}
     *                   names only those.
     */
    static ExecutionConfig read(final ConfigNode node, final java.util.Collection<String> venueNames) {
        final ExecutionMode mode = node.optionalEnum(
            "mode", ExecutionMode.PAPER, ExecutionMode.values(), ExecutionMode::configName);
        final Map<String, ExecutionMode> venueModes = new java.util.TreeMap<>();
        if (node.has("venues")) {
            final ConfigNode venues = node.section("venues");
            for (final String venue : venueNames) {
                if (venues.has(venue)) {
                    final ExecutionMode venueMode = venues.optionalEnum(venue, mode, ExecutionMode.values(),
                        ExecutionMode::configName);
                    if (venueMode != mode) {
                        venueModes.put(venue, venueMode);
                    }
                }
            }
            venues.requireNoUnknownKeys();
        }
        final boolean anyLive = mode == ExecutionMode.LIVE || venueModes.containsValue(ExecutionMode.LIVE);
        final BigDecimal maker = node.optionalDecimal("makerFeeRate", DEFAULT_MAKER_FEE_RATE, ExecutionConfig::checkRate);
        final BigDecimal taker = node.optionalDecimal("takerFeeRate", DEFAULT_TAKER_FEE_RATE, ExecutionConfig::checkRate);
        final OnStopAction onStop = node.optionalEnum("onStop",
            anyLive ? OnStopAction.CANCEL_ORDERS : OnStopAction.LEAVE, OnStopAction.values(),
            OnStopAction::configName);
        node.requireNoUnknownKeys();

        return new ExecutionConfig(mode, maker, taker, onStop, venueModes);
    }

    private static String checkRate(final BigDecimal rate) {
        return rate.compareTo(new BigDecimal("-0.01")) < 0 || rate.compareTo(new BigDecimal("0.01")) > 0
            ? "must be a fraction of notional between -0.01 and 0.01 (a rebate is negative), e.g. 0.0002" : null;
    }
}
