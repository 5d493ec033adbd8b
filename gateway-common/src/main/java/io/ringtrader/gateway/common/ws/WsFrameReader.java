package io.ringtrader.gateway.common.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads WebSocket frames (RFC 6455, server to client: unmasked, no extensions) straight from the channel's bytes and
 * hands text messages to a {@link Handler} as a view over the network buffer, replacing Netty's frame decoder, which
 * allocates a frame object per frame.
 *
 * <p>A frame that lies whole in one read is handed over in place, without a copy. The bytes of a frame that spans
 * reads are gathered in one reused cumulation buffer, and the fragments of a fragmented message in one reused
 * message buffer; both grow to the largest size seen and stay, so steady state allocates nothing.
 *
 * <p>Protocol violations (masked or reserved-bit frames, oversized payloads, bad fragment order) are reported once to
 * {@link Handler#onProtocolError} and the rest of the input is discarded; the handler closes the connection.
 *
 * <p>Runs on the channel's event loop; one instance per channel.
 */
final class WsFrameReader extends ChannelInboundHandlerAdapter {
    /** What the reader found. Called on the event loop. */
    interface Handler {
        /** A complete text message; the view is valid only during the call. */
        void onText(DirectBuffer buffer, int offset, int length);

        /** A ping; {@code payload} is valid only during the call. */
        void onPing(ChannelHandlerContext ctx, ByteBuf payload, int index, int length);

        /** A pong (the answer to a probe). */
        void onPong();

        /** A close frame with its status code (1005 when none was given). */
        void onClose(int statusCode);

        /** The stream broke the protocol; nothing more will be read. */
        void onProtocolError(String problem);
    }

    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;
    private static final int NO_STATUS = 1005;

    private final Handler handler;
    private final int maxPayloadBytes;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private ByteBuf cumulation;
    private ByteBuf message;
    private int fragmentedOpcode = -1;
    private boolean failed;

    WsFrameReader(final Handler handler, final int maxPayloadBytes) {
        this.handler = handler;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        if (!(msg instanceof ByteBuf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        final ByteBuf in = (ByteBuf)msg;
        try {
            if (failed) {
                return;
            }
            if (cumulation != null && cumulation.isReadable()) {
                cumulation.writeBytes(in);
                readFrames(ctx, cumulation);
                cumulation.discardReadBytes();
            } else {
                readFrames(ctx, in);
                if (in.isReadable() && !failed) {
                    if (cumulation == null) {
                        cumulation = ctx.alloc().directBuffer(Math.max(8_192, in.readableBytes()));
                    }
                    cumulation.clear().writeBytes(in);
                }
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx) {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        if (message != null) {
            message.release();
            message = null;
        }
    }

    private void readFrames(final ChannelHandlerContext ctx, final ByteBuf buf) {
        while (!failed) {
            final int start = buf.readerIndex();
            final int available = buf.readableBytes();
            if (available < 2) {
                return;
            }
            final int b0 = buf.getUnsignedByte(start);
            final int b1 = buf.getUnsignedByte(start + 1);
            final boolean fin = (b0 & 0x80) != 0;
            final int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0) {
                fail("frame has reserved bits set, but no extension was negotiated");
                return;
            }
            if ((b1 & 0x80) != 0) {
                fail("server frame is masked");
                return;
            }
            long payloadLength = b1 & 0x7F;
            int headerLength = 2;
            if (payloadLength == 126) {
                if (available < 4) {
                    return;
                }
                payloadLength = buf.getUnsignedShort(start + 2);
                headerLength = 4;
            } else if (payloadLength == 127) {
                if (available < 10) {
                    return;
                }
                payloadLength = buf.getLong(start + 2);
                headerLength = 10;
            }
            if (payloadLength < 0 || payloadLength > maxPayloadBytes) {
                fail("frame payload of " + payloadLength + " bytes exceeds maxFramePayloadBytes " + maxPayloadBytes);
                return;
            }
            if (opcode >= OP_CLOSE && (payloadLength > 125 || !fin)) {
                fail("control frame " + opcode + " is fragmented or longer than 125 bytes");
                return;
            }
            if (available < headerLength + payloadLength) {
                return;
            }
            final int payload = start + headerLength;
            final int length = (int)payloadLength;
            buf.readerIndex(payload + length);
            dispatch(ctx, buf, opcode, fin, payload, length);
        }
    }

    private void dispatch(final ChannelHandlerContext ctx, final ByteBuf buf, final int opcode, final boolean fin,
        final int payload, final int length) {
        switch (opcode) {
            case OP_TEXT:
            case OP_BINARY:
                if (fragmentedOpcode >= 0) {
                    fail("a new message started before the fragmented one ended");
                } else if (fin) {
                    if (opcode == OP_TEXT) {
                        deliver(ctx, buf, payload, length);
                    }
                } else {
                    fragmentedOpcode = opcode;
                    message(ctx).clear().writeBytes(buf, payload, length);
                }
                break;
            case OP_CONTINUATION:
                if (fragmentedOpcode < 0) {
                    fail("continuation frame without a message to continue");
                } else if (message.readableBytes() + (long)length > maxPayloadBytes) {
                    fail("fragmented message exceeds maxFramePayloadBytes " + maxPayloadBytes);
                } else {
                    message.writeBytes(buf, payload, length);
                    if (fin) {
                        final int finished = fragmentedOpcode;
                        fragmentedOpcode = -1;
                        if (finished == OP_TEXT) {
                            deliver(ctx, message, message.readerIndex(), message.readableBytes());
                        }
                    }
                }
                break;
            case OP_CLOSE:
                handler.onClose(length >= 2 ? buf.getUnsignedShort(payload) : NO_STATUS);
                break;
            case OP_PING:
                handler.onPing(ctx, buf, payload, length);
                break;
            case OP_PONG:
                handler.onPong();
                break;
            default:
                fail("unknown opcode " + opcode);
                break;
        }
    }

    private void deliver(final ChannelHandlerContext ctx, final ByteBuf buf, final int index, final int length) {
        if (buf.hasMemoryAddress()) {
            view.wrap(buf.memoryAddress() + index, length);
        } else if (buf.hasArray()) {
            view.wrap(buf.array(), buf.arrayOffset() + index, length);
        } else {
            final ByteBuf copy = message(ctx);
            if (copy != buf) {
                copy.clear().writeBytes(buf, index, length);
                deliver(ctx, copy, copy.readerIndex(), length);
                return;
            }
            fail("no contiguous memory for a " + length + " byte message");
            return;
        }
        handler.onText(view, 0, length);
    }

    private ByteBuf message(final ChannelHandlerContext ctx) {
        if (message == null) {
            message = ctx.alloc().directBuffer(64 * 1_024);
        }
        return message;
    }

    private void fail(final String problem) {
        failed = true;
        handler.onProtocolError(problem);
    }
}
