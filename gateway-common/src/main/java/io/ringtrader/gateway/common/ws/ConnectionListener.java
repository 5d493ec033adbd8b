package io.ringtrader.gateway.common.ws;

/**
 * Told about the life of a {@link WsConnection}; the gateway turns these into {@code GATEWAY_STATUS}
 * events and book resyncs.
 *
 * <p>Called on the connection's event-loop thread, in order; must not block.
 */
public interface ConnectionListener {
    /** Ignores everything. */
    ConnectionListener NONE = (connection, state, delayNs, reason) -> { };

    /**
     * @param connection the connection's name.
     * @param state      the state entered.
     * @param delayNs    for {@link ConnectionState#RECONNECT_SCHEDULED}, the delay before the attempt; else 0.
     * @param reason     for {@link ConnectionState#DISCONNECTED}, why; else a short note or "".
     */
    void onStateChange(String connection, ConnectionState state, long delayNs, String reason);

    /**
     * The frames delivered may have a gap: a reconnect happened, or a rotation could not match a stream between
     * the old and the new connection in time. Every book fed by this connection must resync (new snapshot).
     * Called before the first frame of the new connection is delivered.
     *
     * @param connection the connection's name.
     */
    default void onContinuityLost(final String connection) {
    }
}
