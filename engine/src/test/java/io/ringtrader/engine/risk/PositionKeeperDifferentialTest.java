package io.ringtrader.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PositionKeeper} against a plain {@link BigDecimal} reference of the same rules (average entry,
 * realise on reduce, reopen at the fill price on a flip, fees deducted) on a seeded random stream of fills.
 */
class PositionKeeperDifferentialTest {
    private static final MathContext MC = MathContext.DECIMAL128;
    /** ETHUSDT-like: price scale 2, qty scale 3, contract 1: PnL = qty * price / 10^5. */
    private static final BigDecimal UNIT = new BigDecimal("0.00001");
    private static final BigDecimal FEE_UNIT = new BigDecimal("0.00000001");

    @Test
    void shouldMatchTheBigDecimalReferenceFillByFill() {
        final PositionKeeper keeper = new PositionKeeper(new Instrument(0, Venue.BINANCE_USDM, "ETHUSDT", 2, 1, 3, 1, 1, 0));
        final Reference reference = new Reference();
        final Random random = new Random(20_261_202L);
        long price = 300_000;
        for (int i = 0; i < 20_000; i++) {
            price += random.nextInt(41) - 20;
            final OrderSide side = random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
            final long qty = 1 + random.nextInt(random.nextInt(10) == 0 ? 5_000 : 50);
            final long fee = random.nextInt(1_000_000);
            keeper.onFill(side, price, qty, fee);
            reference.onFill(side, price, qty, fee);
            keeper.onMark(price + 5);
            assertEquals(reference.qty, keeper.qty(), "qty after fill " + i);
            assertClose(reference.realised, keeper.netRealisedPnl(), "realised after fill " + i);
            assertClose(reference.unrealised(price + 5), keeper.unrealisedPnl(), "unrealised after fill " + i);
        }
    }

    private static void assertClose(final BigDecimal expected, final double actual, final String what) {
        final double tolerance = 1e-9 * Math.max(1.0, Math.abs(expected.doubleValue())) + 1e-9;
        assertEquals(expected.doubleValue(), actual, tolerance, what);
    }

    /** The rules written the obvious way: exact cost basis, exact PnL. */
    private static final class Reference {
        long qty;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;

        void onFill(final OrderSide side, final long price, final long fillQty, final long fee) {
            final long signed = side == OrderSide.BUY ? fillQty : -fillQty;
            final BigDecimal fillPrice = BigDecimal.valueOf(price);
            if (qty == 0 || Long.signum(qty) == Long.signum(signed)) {
                cost = cost.add(fillPrice.multiply(BigDecimal.valueOf(fillQty)));
            } else {
                final long closed = Math.min(Math.abs(qty), fillQty);
                final BigDecimal average = cost.divide(BigDecimal.valueOf(Math.abs(qty)), MC);
                realised = realised.add(fillPrice.subtract(average).multiply(BigDecimal.valueOf(Long.signum(qty) * closed))
                    .multiply(UNIT));
                final long rest = fillQty - closed;
                cost = rest > 0 ? fillPrice.multiply(BigDecimal.valueOf(rest))
                    : average.multiply(BigDecimal.valueOf(Math.abs(qty) - closed));
            }
            qty += signed;
            realised = realised.subtract(BigDecimal.valueOf(fee).multiply(FEE_UNIT));
        }

        BigDecimal unrealised(final long mark) {
            if (qty == 0) {
                return BigDecimal.ZERO;
            }
            final BigDecimal average = cost.divide(BigDecimal.valueOf(Math.abs(qty)), MC);
            return BigDecimal.valueOf(mark).subtract(average).multiply(BigDecimal.valueOf(qty)).multiply(UNIT);
        }
    }
}
