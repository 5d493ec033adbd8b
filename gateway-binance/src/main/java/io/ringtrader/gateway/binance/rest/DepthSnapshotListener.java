package io.ringtrader.gateway.binance.rest;

/**
 * Receives REST depth snapshots ({@code GET /fapi/v1/depth}). Called on a REST executor thread: the gateway hands
 * the bytes to its IO thread, which passes them to {@code BinanceFrameDecoder.onSnapshot}.
 */
public interface DepthSnapshotListener {
    /**
     * @param instrumentId the instrument asked for.
     * @param body         the JSON body as received; owned by the listener from now on.
     */
    void onSnapshot(int instrumentId, byte[] body);

    /** The snapshot could not be fetched ({@link BinanceRestException} or another failure); ask again later. */
    void onSnapshotFailed(int instrumentId, Throwable error);
}
