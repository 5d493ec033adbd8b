package io.ringtrader.gateway.binance.user;

/**
 * Told when the user stream reports {@code listenKeyExpired}: no more user events arrive until a new key is used
 * ({@code ListenKeyKeeper#onListenKeyExpired} creates one). Called on the user-stream IO thread; must not block.
 */
@FunctionalInterface
public interface ListenKeyExpiryListener {
    ListenKeyExpiryListener NONE = eventTimeMs -> {
    };

    /** @param eventTimeMs the event's {@code E}, or -1 if absent. */
    void onListenKeyExpired(long eventTimeMs);
}
