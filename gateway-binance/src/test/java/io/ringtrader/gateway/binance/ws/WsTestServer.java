package io.ringtrader.gateway.binance.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback WebSocket server for the client tests (127.0.0.1, ephemeral port): accepts any path, answers SUBSCRIBE
 * messages with {@code {"result":null,"id":N}} (unless told not to), answers pings, and lets a test send text (whole
 * or fragmented), pings and close frames, drop the TCP connection, or stay silent; it records every client message
 * with its arrival time.
 */
final class WsTestServer implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    /** One message from the client. */
    record Received(Kind kind, String text, long atNs) {
    }

    enum Kind { TEXT, PONG, CLOSE }

    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("ws-test-server", true));
    private final LinkedBlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Channel server;
    private final SslContext tls;
    private volatile boolean acknowledgeSubscriptions = true;

    WsTestServer() {
        this(null);
    }

    /** @param tls when set, a {@code wss} server with this context. */
    WsTestServer(final SslContext tls) {
        this.tls = tls;
        server = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    final Peer peer = new Peer(channel);
                    if (tls != null) {
                        channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                    }
                    channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                        new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath("/")
                            .checkStartsWith(true)
                            .dropPongFrames(false)
                            .handleCloseFrames(false)
                            .maxFramePayloadLength(4 << 20)
                            .build()),
                        peer);
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    URI baseUri() {
        return URI.create((tls == null ? "ws" : "wss") + "://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort());
    }

    void acknowledgeSubscriptions(final boolean acknowledge) {
        acknowledgeSubscriptions = acknowledge;
    }

    /** The next connection that completes its handshake, or fails the test after the timeout. */
    Peer awaitPeer(final Duration timeout) throws InterruptedException {
        final Peer peer = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (peer == null) {
            throw new AssertionError("no client connection within " + timeout);
        }
        return peer;
    }

    /** A further connection within the timeout, or null. */
    Peer pollPeer(final Duration timeout) throws InterruptedException {
        return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int peerCount() {
        return peers.size();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One accepted client connection. */
    final class Peer extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Channel channel;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile String path;
        private volatile long handshakeAtNs;

        Peer(final Channel channel) {
            this.channel = channel;
        }

        String path() {
            return path;
        }

        long handshakeAtNs() {
            return handshakeAtNs;
        }

        List<Received> received() {
            return received;
        }

        /** The text messages received so far. */
        List<String> texts() {
            return received.stream().filter(r -> r.kind() == Kind.TEXT).map(Received::text).toList();
        }

        boolean isOpen() {
            return channel.isActive();
        }

        void awaitClosed(final Duration timeout) {
            if (!channel.closeFuture().awaitUninterruptibly(timeout.toMillis())) {
                throw new AssertionError("client did not close the connection within " + timeout);
            }
        }

        /** Sends one text frame; quietly nothing if the client already closed the connection. */
        void sendText(final String text) {
            channel.writeAndFlush(new TextWebSocketFrame(text)).awaitUninterruptibly();
        }

        /** Writes many text frames and flushes once. */
        void sendTexts(final List<String> texts) {
            for (final String text : texts) {
                channel.write(new TextWebSocketFrame(text));
            }
            channel.flush();
        }

        /** Sends the text as a first frame and continuation frames of {@code chunk} bytes. */
        void sendFragmented(final String text, final int chunk) {
            final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int from = 0; from < bytes.length; from += chunk) {
                final int to = Math.min(bytes.length, from + chunk);
                final boolean last = to == bytes.length;
                final var payload = Unpooled.wrappedBuffer(bytes, from, to - from);
                channel.write(from == 0 ? new TextWebSocketFrame(last, 0, payload)
                    : new ContinuationWebSocketFrame(last, 0, payload));
            }
            channel.flush();
        }

        void sendPing(final byte[] payload) {
            channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(payload))).syncUninterruptibly();
        }

        void sendClose(final int status) {
            channel.writeAndFlush(new CloseWebSocketFrame(status, "test")).syncUninterruptibly();
        }

        /** Closes the TCP connection without a close frame. */
        void drop() {
            channel.close().syncUninterruptibly();
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                path = ((WebSocketServerProtocolHandler.HandshakeComplete)event).requestUri();
                handshakeAtNs = System.nanoTime();
                peers.add(this);
                accepted.add(this);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame) {
            final long nowNs = System.nanoTime();
            if (frame instanceof TextWebSocketFrame) {
                final String text = ((TextWebSocketFrame)frame).text();
                received.add(new Received(Kind.TEXT, text, nowNs));
                final Matcher id = ID.matcher(text);
                if (acknowledgeSubscriptions && text.contains("\"SUBSCRIBE\"") && id.find()) {
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"result\":null,\"id\":" + id.group(1) + "}"));
                }
            } else if (frame instanceof PongWebSocketFrame) {
                received.add(new Received(Kind.PONG, ByteBufUtil.hexDump(frame.content()), nowNs));
            } else if (frame instanceof CloseWebSocketFrame) {
                received.add(new Received(Kind.CLOSE, String.valueOf(((CloseWebSocketFrame)frame).statusCode()), nowNs));
                ctx.close();
            }
        }
    }
}
