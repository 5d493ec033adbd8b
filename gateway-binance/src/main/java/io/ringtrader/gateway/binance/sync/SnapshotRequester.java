package io.ringtrader.gateway.binance.sync;

/**
 * Asks for a REST depth snapshot ({@code GET /fapi/v1/depth?symbol=X&limit=1000}) of an instrument. Called
 * on the gateway's IO thread: it must not block; the snapshot arrives later through
 * {@link BinanceBookSync#onSnapshot}. In capture import the capture holds the snapshots and requests go
 * nowhere.
 */
@FunctionalInterface
public interface SnapshotRequester {
    /** A requester that does nothing (capture import). */
    SnapshotRequester NONE = instrumentId -> {
    };

    void requestSnapshot(int instrumentId);
}
