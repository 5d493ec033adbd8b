package io.ringtrader.gateway.common.ws;

/** The life of a {@link WsConnection}, as reported to its {@link ConnectionListener}. */
public enum ConnectionState {
    /** A TCP connect and WebSocket handshake is under way (also for a rotation's replacement). */
    CONNECTING,
    /** The handshake succeeded; subscriptions are being sent. */
    CONNECTED,
    /** Every SUBSCRIBE of the connection was acknowledged. */
    SUBSCRIBED,
    /** The connection was lost; the reason says why. Frames stop until a reconnect. */
    DISCONNECTED,
    /** A reconnect will start after the reported delay. */
    RECONNECT_SCHEDULED,
    /** A replacement connection is being opened before the venue's cut (Binance: 24 h); the old one still delivers. */
    ROTATING,
    /** The replacement took over every stream and the old connection was closed. */
    ROTATED,
    /** {@link WsConnection#close()} was called: nothing is delivered or reconnected any more. */
    CLOSED
}
