package io.ringtrader.sim.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One accepted WebSocket: counts every incoming frame (text, ping, pong) against the per-second limit and closes
 * the connection past it, answers SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS, pings on the configured interval,
 * closes on a missing pong and at the connection age limit. Runs on the channel's event loop only.
 */
final class BinanceWsHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceWsHandler.class);

    private final StreamHub hub;
    private final BinanceSimConfig config;
    private final ObjectMapper mapper;
    private final WsConnection connection;
    private final WebSocketServerHandshaker handshaker;
    private ScheduledFuture<?> pingTask;
    private ScheduledFuture<?> ageTask;

    BinanceWsHandler(final StreamHub hub, final BinanceSimConfig config, final ObjectMapper mapper,
                     final WsConnection connection, final WebSocketServerHandshaker handshaker) {
        this.hub = hub;
        this.config = config;
        this.mapper = mapper;
        this.connection = connection;
        this.handshaker = handshaker;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx) {
        hub.add(connection);
        final long pingNanos = config.pingInterval().toNanos();
        pingTask = ctx.executor().scheduleAtFixedRate(() -> ping(ctx), pingNanos, pingNanos, TimeUnit.NANOSECONDS);
        ageTask = ctx.executor().schedule(() -> StreamHub.close(ctx.channel(), 1000, "connection age limit"),
            config.maxConnectionAge().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception {
        hub.remove(connection);
        pingTask.cancel(false);
        ageTask.cancel(false);
        super.channelInactive(ctx);
    }

    private void ping(final ChannelHandlerContext ctx) {
        if (hub.silent(connection.route()) || !ctx.channel().isActive()) {
            return;
        }
        final long sent = System.nanoTime();
        connection.pingSent(sent);
        ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(Long.toString(sent),
            StandardCharsets.US_ASCII)));
        ctx.executor().schedule(() -> {
            if (connection.lastPongNanos() < sent) {
                StreamHub.close(ctx.channel(), 1008, "pong timeout");
            }
        }, config.pongTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
            return;
        }
        final long now = System.nanoTime();
        if (!connection.admitIncoming(now)) {
            hub.recordRateLimitViolation(connection + ": more than " + config.maxIncomingMessagesPerSecond()
                + " incoming messages in one second");
            LOG.warn("closing {}: over {} incoming messages per second", connection,
                config.maxIncomingMessagesPerSecond());
            StreamHub.close(ctx.channel(), 1008, "Too many requests");
            return;
        }
        if (frame instanceof PingWebSocketFrame) {
            hub.recordPing();
            if (!hub.silent(connection.route())) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            }
        } else if (frame instanceof PongWebSocketFrame) {
            hub.recordPong();
            connection.pongReceived(now);
        } else if (frame instanceof TextWebSocketFrame) {
            final String reply = request(((TextWebSocketFrame) frame).text());
            if (reply != null && !hub.silent(connection.route())) {
                ctx.writeAndFlush(new TextWebSocketFrame(reply));
            }
        } else {
            StreamHub.close(ctx.channel(), 1003, "binary frames are not supported");
        }
    }

    /** Answers one client request; null when nothing is to be sent. */
    private String request(final String text) {
        final JsonNode req;
        try {
            req = mapper.readTree(text);
        } catch (final JsonProcessingException e) {
            return "{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}";
        }
        if (req == null || !req.isObject()) {
            return "{\"code\":3,\"msg\":\"Invalid JSON: expected an object\"}";
        }
        final JsonNode id = req.get("id");
        if (id == null || !id.canConvertToLong() || id.asLong() < 0) {
            return "{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"}";
        }
        final String method = req.path("method").asText("");
        final ObjectNode reply = mapper.createObjectNode();
        switch (method) {
            case "SUBSCRIBE":
            case "UNSUBSCRIBE": {
                final JsonNode params = req.get("params");
                if (params == null || !params.isArray()) {
                    return error(2, "Invalid request: params must be an array of stream names", id);
                }
                for (final JsonNode p : params) {
                    if (!p.isTextual()) {
                        return error(1, "Invalid value type: expected a string", id);
                    }
                }
                for (final JsonNode p : params) {
                    final String stream = p.asText();
                    if ("SUBSCRIBE".equals(method)) {
                        if (!subscribe(connection, stream, hub, config.refuseMisroutedStreams())) {
                            return error(2, "Invalid request: stream " + stream + " is not served on "
                                + connection.route().prefix(), id);
                        }
                    } else {
                        connection.unsubscribe(stream);
                    }
                }
                reply.putNull("result");
                break;
            }
            case "LIST_SUBSCRIPTIONS": {
                final ArrayNode list = reply.putArray("result");
                for (final String s : connection.subscriptions()) {
                    list.add(s);
                }
                break;
            }
            default:
                return error(2, "Invalid request: unknown method '" + method + "'", id);
        }
        reply.set("id", id);
        return reply.toString();
    }

    /**
     * Subscribes, recording a stream the connection's route does not carry; such a stream is accepted (and never
     * sent, as on the venue) unless {@code refuseMisrouted}, then it is not subscribed and false is returned.
     */
    static boolean subscribe(final WsConnection connection, final String stream, final StreamHub hub,
                             final boolean refuseMisrouted) {
        if (connection.route() != WsRoute.PRIVATE && WsRoute.ofStream(stream) != connection.route()) {
            hub.recordMisroutedSubscription(stream + " on " + connection.route().prefix());
            if (refuseMisrouted) {
                return false;
            }
        }
        connection.subscribe(stream);
        return true;
    }

    private String error(final int code, final String msg, final JsonNode id) {
        final ObjectNode n = mapper.createObjectNode().put("code", code).put("msg", msg);
        n.set("id", id);
        return n.toString();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.debug("websocket {} failed, closing", connection, cause);
        ctx.close();
    }
}
