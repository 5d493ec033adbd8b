package io.ringtrader.gateway.binance.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import io.ringtrader.gateway.common.ws.ConnectionListener;
import io.ringtrader.gateway.common.ws.ConnectionState;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Allocation on the client's event-loop thread while frames arrive over a real loopback socket, measured with the
 * thread's allocated-bytes counter (read on that thread, from the frame listener): after 20,000 frames to warm up,
 * five windows of 4,000. Socket reads, frame parsing, the buffer view and the listener call allocate nothing per
 * frame: a per-frame allocation would show at least 16 bytes x 4,000 in every window. As in
 * {@code DecodeAllocationTest}, the JVM now and then charges a few dozen bytes to the thread, so the test asks for a
 * clean window and bounds the others by less than a byte per frame.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WsReceiveAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int WINDOWS = 5;
    private static final int WINDOW = 4_000;
    private static final int TOTAL = WARM_UP + WINDOWS * WINDOW;

    @Test
    void shouldNotAllocatePerFrameWhileReceiving() throws Exception {
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter on this JVM");
        final com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean)threads;
        final long[] marks = new long[WINDOWS + 1];
        final long[] checksum = new long[1];
        final int[] received = new int[1];

        final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("ws-alloc-client", true));
        try (WsTestServer server = new WsTestServer()) {
            final BinanceWsConnection connection = new BinanceWsConnection("alloc", server.baseUri(),
                BinanceStreams.Route.PUBLIC, List.of("btcusdt@depth@100ms"), BinanceWsSettings.defaults(), group.next(),
                new SystemEpochNanoClock(), new SplittableRandom(1),
                (buffer, offset, length, receiveTimeNs) -> {
                    checksum[0] += buffer.getByte(offset + length - 1) + receiveTimeNs;
                    final int n = ++received[0];
                    if (n >= WARM_UP && (n - WARM_UP) % WINDOW == 0) {
                        marks[(n - WARM_UP) / WINDOW] = allocation.getCurrentThreadAllocatedBytes();
                    }
                }, ConnectionListener.NONE);
            connection.start();
            final WsTestServer.Peer peer = server.awaitPeer(Duration.ofSeconds(5));
            ClientHarness.await(() -> connection.state() == ConnectionState.SUBSCRIBED, Duration.ofSeconds(5), () -> "SUBSCRIBED");

            final List<String> frames = new ArrayList<>(1_000);
            for (int sent = 0; sent < TOTAL; sent += 1_000) {
                frames.clear();
                for (int i = sent; i < sent + 1_000; i++) {
                    frames.add(BinanceWsConnectionTest.depthFrame(i + 1));
                }
                peer.sendTexts(frames);
            }
            ClientHarness.await(() -> connection.framesDelivered() >= TOTAL, Duration.ofSeconds(30),
                () -> TOTAL + " frames (got " + connection.framesDelivered() + ")");
            connection.close().get(5, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        assertEquals(TOTAL, received[0]);
        final long[] bytesPerWindow = new long[WINDOWS];
        for (int w = 0; w < WINDOWS; w++) {
            bytesPerWindow[w] = marks[w + 1] - marks[w];
        }
        final String windows = Arrays.toString(bytesPerWindow);
        assertEquals(0, Arrays.stream(bytesPerWindow).min().orElseThrow(), "bytes per window: " + windows);
        assertTrue(Arrays.stream(bytesPerWindow).allMatch(bytes -> bytes < WINDOW), "bytes per window: " + windows);
    }
}
