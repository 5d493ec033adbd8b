package io.ringtrader.engine.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How orders are executed.
 *
 * @param mode         paper (simulated fills) or live.
 * @param makerFeeRate paper venue: fee on resting (maker) fills, as a fraction of notional (0.0002 = 2 bp).
 * @param takerFeeRate paper venue: fee on taking (taker) fills, as a fraction of notional.
 * @param onStop       live: what the session does at its stop about the orders and positions it still has on each
 *                     venue; {@link OnStopAction#CANCEL_ORDERS} unless configured ({@link OnStopAction#LEAVE} for
 *                     paper, which has nothing on a venue).
 */
public record ExecutionConfig(ExecutionMode mode, BigDecimal makerFeeRate, BigDecimal takerFeeRate, OnStopAction onStop) {
    static final BigDecimal DEFAULT_MAKER_FEE_RATE = new BigDecimal("0.0002");
    static final BigDecimal DEFAULT_TAKER_FEE_RATE = new BigDecimal("0.0004");

    public ExecutionConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(makerFeeRate, "makerFeeRate");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
        Objects.requireNonNull(onStop, "onStop");
    }

    static ExecutionConfig read(final ConfigNode node) {
        final ExecutionMode mode = node.optionalEnum(
            "mode", ExecutionMode.PAPER, ExecutionMode.values(), ExecutionMode::configName);
        final BigDecimal maker = node.optionalDecimal("makerFeeRate", DEFAULT_MAKER_FEE_RATE, ExecutionConfig::checkRate);
        final BigDecimal taker = node.optionalDecimal("takerFeeRate", DEFAULT_TAKER_FEE_RATE, ExecutionConfig::checkRate);
        final OnStopAction onStop = node.optionalEnum("onStop",
            mode == ExecutionMode.LIVE ? OnStopAction.CANCEL_ORDERS : OnStopAction.LEAVE, OnStopAction.values(),
            OnStopAction::configName);
        node.requireNoUnknownKeys();

        return new ExecutionConfig(mode, maker, taker, onStop);
    }

    private static String checkRate(final BigDecimal rate) {
        return rate.compareTo(new BigDecimal("-0.01")) < 0 || rate.compareTo(new BigDecimal("0.01")) > 0
            ? "must be a fraction of notional between -0.01 and 0.01 (a rebate is negative), e.g. 0.0002" : null;
    }
}
