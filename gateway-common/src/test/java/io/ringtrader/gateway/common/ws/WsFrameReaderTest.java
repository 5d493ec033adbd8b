package io.ringtrader.gateway.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/** {@link WsFrameReader} fed raw frame bytes, whole and split at every possible point. */
class WsFrameReaderTest {
    private final List<String> events = new ArrayList<>();
    private final WsFrameReader.Handler handler = new WsFrameReader.Handler() {
        @Override
        public void onText(final DirectBuffer buffer, final int offset, final int length) {
            events.add("text:" + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        @Override
        public void onPing(final ChannelHandlerContext ctx, final ByteBuf payload, final int index, final int length) {
            events.add("ping:" + payload.toString(index, length, StandardCharsets.US_ASCII));
        }

        @Override
        public void onPong() {
            events.add("pong");
        }

        @Override
        public void onClose(final int statusCode) {
            events.add("close:" + statusCode);
        }

        @Override
        public void onProtocolError(final String problem) {
            events.add("error:" + problem);
        }
    };

    @Test
    void shouldReadFramesOfEveryLengthEncodingWhetherWholeOrSplitAtAnyByte() {
        final String small = "{\"stream\":\"a@bookTicker\",\"data\":{}}";
        final String medium = "m".repeat(300);
        final String large = "L".repeat(70_000);
        final byte[] bytes = concat(frame(0x81, small), frame(0x81, medium), frame(0x89, "hi"), frame(0x81, large),
            frame(0x8A, ""), frame(0x88, new byte[] {0x03, (byte)0xE9}));
        final List<String> expected = List.of("text:" + small, "text:" + medium, "ping:hi", "text:" + large, "pong",
            "close:1001");

        feed(bytes, bytes.length);
        assertEquals(expected, events);
        for (final int chunk : new int[] {1, 2, 3, 7, 125, 4_096}) {
            events.clear();
            feed(bytes, chunk);
            assertEquals(expected, events, "chunks of " + chunk);
        }
    }

    @Test
    void shouldReassembleAFragmentedMessageAroundAnInterleavedPing() {
        final byte[] bytes = concat(frame(0x01, "{\"part\":"), frame(0x89, "p"), frame(0x00, "\"two\","),
            frame(0x80, "\"end\":1}"), frame(0x81, "next"));
        feed(bytes, 5);
        assertEquals(List.of("ping:p", "text:{\"part\":\"two\",\"end\":1}", "text:next"), events);
    }

    @Test
    void shouldReportAMaskedServerFrameAsAProtocolError() {
        final byte[] masked = {(byte)0x81, (byte)0x82, 1, 2, 3, 4, 'a' ^ 1, 'b' ^ 2};
        feed(masked, masked.length);
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("error:server frame is masked"), events.toString());
    }

    @Test
    void shouldReportAnOversizedFrameAndReadNothingAfterIt() {
        final byte[] bytes = concat(frame(0x81, "x".repeat(2_000)), frame(0x81, "after"));
        final EmbeddedChannel channel = new EmbeddedChannel(new WsFrameReader(handler, 1_024));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.finishAndReleaseAll();
        assertEquals(1, events.size());
        assertTrue(events.get(0).contains("exceeds maxFramePayloadBytes 1024"), events.toString());
    }

    @Test
    void shouldReportAContinuationWithoutAStart() {
        feed(frame(0x80, "orphan"), 64);
        assertEquals(1, events.size());
        assertFalse(events.get(0).startsWith("text"), events.toString());
    }

    private void feed(final byte[] bytes, final int chunk) {
        final EmbeddedChannel channel = new EmbeddedChannel(new WsFrameReader(handler, 1 << 20));
        for (int from = 0; from < bytes.length; from += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, Math.min(chunk, bytes.length - from)));
        }
        channel.finishAndReleaseAll();
    }

    private static byte[] frame(final int firstByte, final String payload) {
        return frame(firstByte, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] frame(final int firstByte, final byte[] payload) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int)((long)payload.length >>> shift) & 0xFF);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] concat(final byte[]... parts) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
