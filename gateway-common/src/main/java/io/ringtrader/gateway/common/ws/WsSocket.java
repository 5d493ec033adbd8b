package io.ringtrader.gateway.common.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;

/**
 * One socket of a {@link WsConnection}: TCP connect (and TLS), the WebSocket handshake, frames in through a
 * {@link WsFrameReader}, frames out through its {@link SendPacer}; pings answered with a pong echoing their payload,
 * a probe ping after half the idle timeout of silence (if enabled) and a close after a full one. It decides nothing
 * about the connection: it tells its owner that it opened, what text it read, and, once, that it ended and why.
 *
 * <p>Event loop only.
 */
final class WsSocket extends ChannelInboundHandlerAdapter implements WsFrameReader.Handler, SendPacer.Output<WebSocketFrame> {
    private static final long CLOSE_GRACE_NS = TimeUnit.SECONDS.toNanos(3);
    private static final int NORMAL_CLOSURE = 1000;

    private final WsConnection owner;
    private final int number;
    private final WsSettings settings;
    private final EventLoop eventLoop;
    private final WebSocketClientHandshaker handshaker;
    private final SendPacer<WebSocketFrame> pacer;
    private final Runnable drainTask = this::drainLater;
    private Channel channel;
    private ScheduledFuture<?> forceClose;
    private String closeReason;
    private boolean open;
    private boolean closeRequested;
    private boolean drainScheduled;
    private boolean ended;

    /**
     * @param owner       the connection.
     * @param number      the agent's number of this socket.
     * @param uri         what to open.
     * @param settings    limits and timings.
     * @param eventLoop   the connection's IO thread.
     * @param rateWindowNs the window of {@link WsSettings#maxMessagesPerSecond}.
     */
    WsSocket(final WsConnection owner, final int number, final URI uri, final WsSettings settings,
        final EventLoop eventLoop, final long rateWindowNs) {
        this.owner = owner;
        this.number = number;
        this.settings = settings;
        this.eventLoop = eventLoop;
        this.handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, false,
            new DefaultHttpHeaders(), settings.maxFramePayloadBytes());
        this.pacer = new SendPacer<>(settings.maxMessagesPerSecond(), rateWindowNs, this);
    }

    int number() {
        return number;
    }

    boolean isEnded() {
        return ended;
    }

    boolean isCloseRequested() {
        return closeRequested;
    }

    String closeReason() {
        return closeReason;
    }

    /** Opens the TCP connection to the resolved address; the handshake follows once it is active. */
    void connect(final InetSocketAddress address, final SslContext tls, final String host, final int port) {
        final long readerIdleNs = settings.probeWhenIdle()
            ? settings.idleTimeout().toNanos() / 2 : settings.idleTimeout().toNanos();
        final WsSocket socket = this;
        final Bootstrap bootstrap = new Bootstrap()
            .group(eventLoop)
            .channel(NioSocketChannel.class)
            .resolver(NoopAddressResolverGroup.INSTANCE)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
            .option(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    final ChannelPipeline pipeline = channel.pipeline();
                    if (tls != null) {
                        pipeline.addLast("tls", tls.newHandler(channel.alloc(), host, port));
                    }
                    pipeline.addLast("idle", new IdleStateHandler(readerIdleNs, 0, 0, TimeUnit.NANOSECONDS));
                    pipeline.addLast("http", new HttpClientCodec());
                    pipeline.addLast("http-aggregator", new HttpObjectAggregator(16 * 1_024));
                    pipeline.addLast("session", socket);
                }
            });
        final ChannelFuture connected = bootstrap.connect(address);
        channel = connected.channel();
        connected.addListener(future -> {
            if (!future.isSuccess()) {
                end("connect failed: " + future.cause());
            }
        });
        channel.closeFuture().addListener(future -> end("connection closed"));
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        try {
            if (msg instanceof FullHttpResponse && !handshaker.isHandshakeComplete()) {
                try {
                    handshaker.finishHandshake(ctx.channel(), (FullHttpResponse)msg);
                } catch (final WebSocketHandshakeException e) {
                    closeWith("handshake failed: " + e.getMessage(), false);
                    return;
                }
                ctx.pipeline().replace(WebSocketFrameDecoder.class, "ws-reader",
                    new WsFrameReader(this, settings.maxFramePayloadBytes()));
                open = true;
                owner.onSocketOpened(this);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) {
        if (event instanceof IdleStateEvent && ((IdleStateEvent)event).state() == IdleState.READER_IDLE) {
            if (settings.probeWhenIdle() && ((IdleStateEvent)event).isFirst()) {
                if (open) {
                    send(new PingWebSocketFrame(), true);
                }
            } else {
                closeWith("no frame for " + settings.idleTimeout().toMillis() + " ms", false);
            }
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent && !((SslHandshakeCompletionEvent)event).isSuccess()) {
            closeWith("TLS handshake failed: " + ((SslHandshakeCompletionEvent)event).cause(), false);
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        closeWith("error: " + cause, false);
    }

    @Override
    public void onText(final DirectBuffer buffer, final int offset, final int length) {
        owner.onSocketText(this, buffer, offset, length);
    }

    @Override
    public void onPing(final ChannelHandlerContext ctx, final ByteBuf payload, final int index, final int length) {
        owner.onPingReceived();
        send(new PongWebSocketFrame(ctx.alloc().buffer(length).writeBytes(payload, index, length)), true);
    }

    @Override
    public void onPong() {
    }

    @Override
    public void onClose(final int statusCode) {
        closeWith("server sent close " + statusCode, true);
    }

    @Override
    public void onProtocolError(final String problem) {
        closeWith("protocol error: " + problem, false);
    }

    /** Queues a frame; control frames (pong, ping, close) go before text and are never dropped. */
    void send(final WebSocketFrame frame, final boolean isControl) {
        if (closeRequested && !(frame instanceof CloseWebSocketFrame) || ended) {
            frame.release();
            return;
        }
        pacer.offer(frame, isControl);
        drain();
    }

    /** Closes this socket, after a close frame when asked and the socket is open; once. */
    void closeWith(final String reason, final boolean sendCloseFrame) {
        if (closeRequested) {
            return;
        }
        closeRequested = true;
        closeReason = reason;
        pacer.discardText();
        if (channel == null) {
            return;
        }
        if (sendCloseFrame && open && channel.isActive()) {
            send(new CloseWebSocketFrame(NORMAL_CLOSURE, null), true);
            forceClose = eventLoop.schedule(() -> channel.close(), CLOSE_GRACE_NS, TimeUnit.NANOSECONDS);
        } else {
            channel.close();
        }
    }

    /** The socket is gone (or never got a channel): tells the owner once, with the reason asked for or found. */
    void end(final String fallbackReason) {
        if (ended) {
            return;
        }
        ended = true;
        open = false;
        pacer.discardAll();
        if (forceClose != null) {
            forceClose.cancel(false);
        }
        owner.onSocketEnded(this, closeReason != null ? closeReason : fallbackReason);
    }

    @Override
    public boolean isWritable() {
        return channel != null && channel.isActive();
    }

    @Override
    public void write(final WebSocketFrame frame) {
        owner.onFrameSent(frame instanceof PongWebSocketFrame);
        final ChannelFuture written = channel.writeAndFlush(frame);
        if (frame instanceof CloseWebSocketFrame) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void discard(final WebSocketFrame frame) {
        frame.release();
    }

    private void drain() {
        final long nowNs = owner.nanoTime();
        pacer.drain(nowNs);
        if (!drainScheduled && isWritable()) {
            final long waitNs = pacer.delayNs(nowNs);
            if (waitNs > 0) {
                drainScheduled = true;
                eventLoop.schedule(drainTask, waitNs, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void drainLater() {
        drainScheduled = false;
        if (!ended) {
            drain();
        }
    }
}
