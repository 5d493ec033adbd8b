package io.ringtrader.gateway.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WsConnection} with a protocol that is no venue's ({@code sub <id> <streams>} requests, {@code ok <id>}
 * replies, data frames starting with {@code data}) against a loopback server: the core needs nothing of Binance's.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WsConnectionLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final NioEventLoopGroup serverGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("loopback-server", true));
    private final NioEventLoopGroup clientGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("loopback-client", true));
    private final LinkedBlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<String> continuityLosses = new CopyOnWriteArrayList<>();
    private final Channel server = new ServerBootstrap()
        .group(serverGroup)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(final SocketChannel channel) {
                channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                    new WebSocketServerProtocolHandler("/feed"), new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                        @Override
                        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) {
                            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                                accepted.add(ctx.channel());
                            }
                            ctx.fireUserEventTriggered(event);
                        }

                        @Override
                        protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame) {
                            final String text = frame.text();
                            requests.add(text);
                            ctx.writeAndFlush(new TextWebSocketFrame("ok " + text.split(" ")[1]));
                        }
                    });
            }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    private final URI base = URI.create("ws://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort());

    private final WsProtocol protocol = new WsProtocol() {
        @Override
        public URI connectUri() {
            return base.resolve("/feed");
        }

        @Override
        public String describe() {
            return "loopback feed";
        }

        @Override
        public boolean isDataFrame(final DirectBuffer buffer, final int offset, final int length) {
            return length >= 4 && buffer.getByte(offset) == 'd';
        }

        @Override
        public String subscribeRequest(final List<String> streams, final long requestId) {
            return "sub " + requestId + " " + String.join(",", streams);
        }

        @Override
        public boolean isSubscribeAck(final DirectBuffer buffer, final int offset, final int length) {
            return buffer.getStringWithoutLengthAscii(offset, length).startsWith("ok ");
        }
    };

    private final WsConnection connection = new WsConnection("loopback-0", base, protocol, List.of("a", "b", "c"),
        TestWsSettings.defaults(), clientGroup.next(), new SystemEpochNanoClock(), new SplittableRandom(7),
        new DuplicateFrameFilter(), (buffer, offset, length, receiveTimeNs) ->
            frames.add(buffer.getStringWithoutLengthAscii(offset, length)),
        new ConnectionListener() {
            @Override
            public void onStateChange(final String name, final ConnectionState state, final long delayNs,
                final String reason) {
                states.add(state);
            }

            @Override
            public void onContinuityLost(final String name) {
                continuityLosses.add(name);
            }
        }, null);

    @AfterEach
    void stop() throws Exception {
        try {
            connection.close().get(5, TimeUnit.SECONDS);
        } finally {
            clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            server.close().syncUninterruptibly();
            serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void shouldSubscribeWithTheProtocolsRequestsAndDeliverOnlyItsDataFrames() throws Exception {
        connection.start();
        final Channel peer = accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        await(() -> states.contains(ConnectionState.SUBSCRIBED), "SUBSCRIBED");

        peer.writeAndFlush(new TextWebSocketFrame("notice: maintenance"));
        peer.writeAndFlush(new TextWebSocketFrame("data 1"));
        await(() -> !frames.isEmpty(), "a data frame");

        assertEquals(List.of("sub 1 a,b,c"), requests);
        assertEquals(List.of("data 1"), frames);
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.SUBSCRIBED), states);
    }

    @Test
    void shouldReconnectAndResubscribeWithANewRequestIdAfterTheServerDropsTheSocket() throws Exception {
        connection.start();
        final Channel first = accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        await(() -> states.contains(ConnectionState.SUBSCRIBED), "SUBSCRIBED");

        first.close().syncUninterruptibly();
        final Channel second = accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        await(() -> states.stream().filter(s -> s == ConnectionState.SUBSCRIBED).count() == 2, "SUBSCRIBED again");
        second.writeAndFlush(new TextWebSocketFrame("data 2"));
        await(() -> !frames.isEmpty(), "a data frame");

        assertEquals(List.of("sub 1 a,b,c", "sub 2 a,b,c"), requests);
        assertEquals(List.of("loopback-0"), continuityLosses);
        assertTrue(states.contains(ConnectionState.RECONNECT_SCHEDULED), states.toString());
    }

    /** Waits for an observable condition, failing after {@link #WAIT}. */
    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
