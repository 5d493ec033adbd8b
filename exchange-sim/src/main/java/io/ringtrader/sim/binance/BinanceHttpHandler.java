package io.ringtrader.sim.binance;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the simulator: REST calls go to {@link BinanceRestApi} (after any injected failure or delay);
 * WebSocket upgrades on the routed paths become a {@link BinanceWsHandler}. One instance per channel; event loop
 * only.
 */
final class BinanceHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceHttpHandler.class);
    private static final int MAX_FRAME_BYTES = 1 << 20;

    private final BinanceSim sim;

    BinanceHttpHandler(final BinanceSim sim) {
        this.sim = sim;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            write(ctx, req, 400, sim.restApi().error(-1000, "Malformed HTTP request."), Map.of());
            return;
        }
        final QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        if (req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            upgrade(ctx, req, uri);
            return;
        }
        final String path = uri.rawPath();
        final BinanceRestApi.Request request = new BinanceRestApi.Request(req.method().name(), path, uri.rawQuery(),
            req.content().toString(StandardCharsets.UTF_8), req.headers().get("X-MBX-APIKEY"));
        sim.countRestCall(request.method(), path);
        final int failure = sim.faults().takeRestFailure(path);
        final BinanceRestApi.Reply reply;
        if (failure == 429 || failure == 418) {
            final Map<String, String> headers = new LinkedHashMap<>();
            sim.restApi().currentWeight(headers);
            headers.put("Retry-After", "1");
            reply = new BinanceRestApi.Reply(failure, sim.restApi().error(-1003, failure == 429
                ? "Too many requests; current limit is 2400 requests per minute. Please use the websocket for live "
                + "updates to avoid polling the API."
                : "Way too many requests; IP banned until " + (sim.clock().epochMillis() + 1000)
                + ". Please use the websocket for live updates to avoid bans."), headers);
        } else if (failure == 503 && !("POST".equals(request.method()) && "/fapi/v1/order".equals(path))) {
            reply = new BinanceRestApi.Reply(503, sim.restApi().error(-1000,
                "Unknown error, please check your request or try again later."), Map.of());
        } else {
            reply = sim.restApi().handle(request, failure == 503);
        }
        final long delayNanos = "/fapi/v1/depth".equals(path) ? sim.faults().depthDelayNanos() : 0L;
        if (delayNanos > 0) {
            final FullHttpResponse response = response(req, reply.status(), reply.body(), reply.headers());
            final boolean keepAlive = HttpUtil.isKeepAlive(req);
            ctx.executor().schedule(() -> send(ctx, response, keepAlive), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            write(ctx, req, reply.status(), reply.body(), reply.headers());
        }
    }

    private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest req, final QueryStringDecoder uri) {
        final String path = uri.path();
        final WsRoute route;
        final String rest;
        if (path.startsWith("/public/")) {
            route = WsRoute.PUBLIC;
            rest = path.substring("/public".length());
        } else if (path.startsWith("/market/")) {
            route = WsRoute.MARKET;
            rest = path.substring("/market".length());
        } else if (path.startsWith("/private/")) {
            route = WsRoute.PRIVATE;
            rest = path.substring("/private".length());
        } else {
            route = WsRoute.PUBLIC; // legacy /ws and /stream only deliver /public data
            rest = path;
        }
        final boolean combined = rest.equals("/stream");
        if (!combined && !rest.equals("/ws") && !rest.startsWith("/ws/")) {
            write(ctx, req, 404, sim.restApi().error(-1000, "No WebSocket endpoint at " + path), Map.of());
            return;
        }
        String listenKey = null;
        if (route == WsRoute.PRIVATE) {
            listenKey = first(uri.parameters().get("listenKey"));
            if (listenKey == null && rest.startsWith("/ws/")) {
                listenKey = rest.substring("/ws/".length());
            }
            if (listenKey == null && combined) {
                listenKey = first(uri.parameters().get("streams"));
            }
            if (listenKey == null || !sim.userStreams().isActive(listenKey)) {
                write(ctx, req, 400, sim.restApi().error(-1125, "This listenKey does not exist."), Map.of());
                return;
            }
        }
        final WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
            "ws://" + req.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + req.uri(), null, true, MAX_FRAME_BYTES)
            .newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        final WsConnection connection = new WsConnection(ctx.channel(), route, combined, listenKey,
            sim.config().maxIncomingMessagesPerSecond(), System.nanoTime());
        if (route != WsRoute.PRIVATE) {
            final String initial = combined ? first(uri.parameters().get("streams"))
                : rest.startsWith("/ws/") ? rest.substring("/ws/".length()) : null;
            if (initial != null) {
                for (final String stream : initial.split("/")) {
                    if (!stream.isEmpty() && !BinanceWsHandler.subscribe(connection, stream, sim.hub(),
                        sim.config().refuseMisroutedStreams())) {
                        write(ctx, req, 400, sim.restApi().error(-1121, "Stream " + stream + " is not served on "
                            + route.prefix() + "."), Map.of());
                        return;
                    }
                }
            }
        }
        ctx.pipeline().addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES),
            new BinanceWsHandler(sim.hub(), sim.config(), sim.mapper(), connection, handshaker));
        ctx.pipeline().remove(this);
        handshaker.handshake(ctx.channel(), req);
        LOG.debug("websocket accepted: {}", connection);
    }

    private static String first(final List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void write(final ChannelHandlerContext ctx, final FullHttpRequest req, final int status, final String body,
                       final Map<String, String> headers) {
        send(ctx, response(req, status, body, headers), HttpUtil.isKeepAlive(req));
    }

    /** Every answer carries the used-weight header, also those the API never saw (errors, injected failures). */
    private FullHttpResponse response(final FullHttpRequest req, final int status, final String body,
                                      final Map<String, String> headers) {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status), Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        for (final Map.Entry<String, String> h : headers.entrySet()) {
            response.headers().set(h.getKey(), h.getValue());
        }
        if (!response.headers().contains(BinanceRestApi.USED_WEIGHT)) {
            final Map<String, String> weight = new LinkedHashMap<>();
            sim.restApi().currentWeight(weight);
            response.headers().set(BinanceRestApi.USED_WEIGHT, weight.get(BinanceRestApi.USED_WEIGHT));
        }
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(req));
        return response;
    }

    private static void send(final ChannelHandlerContext ctx, final FullHttpResponse response, final boolean keepAlive) {
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.debug("http channel failed, closing", cause);
        ctx.close();
    }
}
