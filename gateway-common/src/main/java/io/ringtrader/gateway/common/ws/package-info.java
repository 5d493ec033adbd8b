/**
 * The WebSocket connection core every venue gateway uses: {@link io.ringtrader.gateway.common.ws.WsConnection} keeps
 * one logical connection alive over Netty sockets ({@code WsSocket}: connect, TLS, handshake, frames read in place by
 * {@code WsFrameReader}, pings, idle detection) and hands each data frame, without copying or allocating, to a
 * {@link io.ringtrader.gateway.common.ws.FrameListener} on its event-loop thread. What to do and when is decided by
 * {@link io.ringtrader.gateway.common.ws.WsConnectionAgent}, a state machine stepped one transition at a time
 * (reconnect with {@link io.ringtrader.gateway.common.ws.ReconnectBackoff}, rotation and handover); subscriptions are
 * kept by {@link io.ringtrader.gateway.common.ws.SubscriptionBook}, outgoing frames paced by
 * {@link io.ringtrader.gateway.common.ws.SendPacer}. A venue supplies its
 * {@link io.ringtrader.gateway.common.ws.WsProtocol} (URI, data frames, subscription requests and replies), its
 * {@link io.ringtrader.gateway.common.ws.FrameHandover} and its {@link io.ringtrader.gateway.common.ws.WsSettings}.
 */
package io.ringtrader.gateway.common.ws;
