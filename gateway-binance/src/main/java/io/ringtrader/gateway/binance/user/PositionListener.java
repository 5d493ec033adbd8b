package io.ringtrader.gateway.binance.user;

/**
 * Receives the positions of {@code ACCOUNT_UPDATE} events, one call per position of a known instrument, after the
 * whole event decoded. Called on the user-stream IO thread; must not block. The integrator turns these into engine
 * events once the engine has a position event kind.
 */
@FunctionalInterface
public interface PositionListener {
    /** Ignores positions. */
    PositionListener NONE = update -> {
    };

    /** @param update a reused flyweight, valid only during this call. */
    void onPosition(PositionUpdate update);
}
