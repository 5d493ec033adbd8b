/**
 * Fixed-point money: prices, quantities, rates and PnL are {@code long} mantissas at a decimal scale
 * ({@code value = mantissa / 10^scale}, scale 0..{@value io.ringtrader.engine.fixedpoint.FixedPoint#MAX_SCALE}).
 * <p>
 * {@link io.ringtrader.engine.fixedpoint.DecimalParser} reads venue ASCII ({@code "61800.20"}) straight
 * into a mantissa, exactly and without allocating; {@link io.ringtrader.engine.fixedpoint.FixedPoint}
 * formats mantissas back to ASCII and holds the small exact helpers. Nothing here rounds: a value
 * that cannot be represented exactly is an error.
 */
package io.ringtrader.engine.fixedpoint;
