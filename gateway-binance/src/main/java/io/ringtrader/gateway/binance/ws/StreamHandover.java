package io.ringtrader.gateway.binance.ws;

import io.ringtrader.gateway.common.ws.FrameHandover;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Binance's {@link FrameHandover}: decides, during a rotation, which connection's frame of each combined stream goes
 * downstream, so that every event is delivered once and in order.
 *
 * <p>Rule: each stream is delivered from the old connection until the two connections are seen at the same event of
 * that stream (same event id: depth and book ticker {@code u}, aggregate trade {@code a}, others {@code E}); from
 * then on it is delivered from the new connection only, and never an id at or below the last one delivered during
 * the handover (events delivered before it began cannot reappear: the new connection carries only events after its
 * subscription). Both
 * connections carry each stream in order and without gaps from their subscription on, so the switch point joins them
 * seamlessly, whichever connection reaches an event first:
 * <ul>
 *   <li>the new one delivers the id the old one delivered last: switch, drop that (duplicate) frame;</li>
 *   <li>the old one delivers the id the new one received last: deliver it, then switch.</li>
 * </ul>
 * A stream whose connections never line up (the new one stays more than one frame ahead) is switched by
 * {@link #forceSwitch()} when the handover times out; that may skip events, which the caller reports as a gap. A
 * force-switched stream has no proven join point, so after the old connection is gone the caller keeps passing the
 * new connection's frames through {@link #onNew} ({@link #trail()}) until each such stream has delivered an id above
 * the last one delivered: no event is delivered twice.
 *
 * <p>Frames outside the combined-stream shape, of unknown streams or without an id come from the old connection only.
 * Not thread-safe: used on the connection's event loop; allocation-free after construction.
 */
final class StreamHandover implements FrameHandover {
    private static final byte[] STREAM_PREFIX = "{\"stream\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final long NONE = Long.MIN_VALUE;

    private final byte[][] names;
    private final byte[] idKeys;
    private final long[] lastOld;
    private final long[] lastNew;
    private final long[] lastDelivered;
    private final boolean[] switched;
    private final boolean[] confirmed;
    private int remaining;
    private int unconfirmed;
    private boolean active;
    private boolean trailing;

    StreamHandover(final List<String> streams) {
        names = new byte[streams.size()][];
        idKeys = new byte[streams.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = streams.get(i).getBytes(StandardCharsets.US_ASCII);
            idKeys[i] = BinanceStreams.eventIdKey(streams.get(i));
        }
        lastOld = new long[names.length];
        lastNew = new long[names.length];
        lastDelivered = new long[names.length];
        switched = new boolean[names.length];
        confirmed = new boolean[names.length];
    }

    /** Starts a handover: every stream comes from the old connection. */
    @Override
    public void begin() {
        Arrays.fill(lastOld, NONE);
        Arrays.fill(lastNew, NONE);
        Arrays.fill(lastDelivered, NONE);
        Arrays.fill(switched, false);
        Arrays.fill(confirmed, false);
        remaining = names.length;
        unconfirmed = 0;
        active = true;
        trailing = false;
    }

    @Override
    public boolean active() {
        return active;
    }

    /** True when every stream has switched to the new connection. */
    @Override
    public boolean complete() {
        return remaining == 0;
    }

    /** Ends the handover (finished or abandoned). */
    @Override
    public void end() {
        active = false;
        trailing = false;
    }

    /**
     * The old connection is gone, but force-switched streams still need the duplicate guard: frames of the (now only)
     * connection go through {@link #onNew} until {@link #guardsCleared()}.
     */
    @Override
    public void trail() {
        active = true;
        trailing = true;
    }

    @Override
    public boolean trailing() {
        return active && trailing;
    }

    /** True when no force-switched stream still waits for its first frame above the last delivered id. */
    @Override
    public boolean guardsCleared() {
        return unconfirmed == 0;
    }

    /** A frame of the old connection: {@link #DELIVER} or {@link #DROP}. */
    @Override
    public boolean onOld(final DirectBuffer buffer, final int offset, final int length) {
        final int stream = streamIndex(buffer, offset, length);
        if (stream < 0) {
            return DELIVER;
        }
        if (switched[stream]) {
            return DROP;
        }
        final long id = eventId(buffer, offset, length, idKeys[stream]);
        if (id != NONE) {
            lastOld[stream] = id;
            lastDelivered[stream] = id;
            if (lastNew[stream] == id) {
                switchOver(stream, true);
            }
        }
        return DELIVER;
    }

    /** A frame of the new connection: {@link #DELIVER} or {@link #DROP}. */
    @Override
    public boolean onNew(final DirectBuffer buffer, final int offset, final int length) {
        final int stream = streamIndex(buffer, offset, length);
        if (stream < 0) {
            return trailing;
        }
        final long id = eventId(buffer, offset, length, idKeys[stream]);
        if (id == NONE) {
            return switched[stream] ? DELIVER : DROP;
        }
        lastNew[stream] = id;
        if (switched[stream]) {
            if (lastDelivered[stream] != NONE && id <= lastDelivered[stream]) {
                return DROP;
            }
            lastDelivered[stream] = id;
            if (!confirmed[stream]) {
                confirmed[stream] = true;
                unconfirmed--;
            }
            return DELIVER;
        }
        if (lastOld[stream] == id) {
            switchOver(stream, true);
        }
        return DROP;
    }

    /**
     * Switches every stream not yet switched to the new connection.
     *
     * @return how many of them had frames on the new connection that were dropped unmatched (possible gaps).
     */
    @Override
    public int forceSwitch() {
        int gaps = 0;
        for (int i = 0; i < names.length; i++) {
            if (!switched[i]) {
                if (lastNew[i] != NONE) {
                    gaps++;
                }
                switchOver(i, false);
            }
        }
        return gaps;
    }

    private void switchOver(final int stream, final boolean matched) {
        switched[stream] = true;
        remaining--;
        confirmed[stream] = matched || lastDelivered[stream] == NONE;
        if (!confirmed[stream]) {
            unconfirmed++;
        }
    }

    /** Index of the frame's stream in the list, or -1: frames start with {@code {"stream":"<name>"}. */
    int streamIndex(final DirectBuffer buffer, final int offset, final int length) {
        final int nameStart = offset + STREAM_PREFIX.length;
        if (length <= STREAM_PREFIX.length || !startsWith(buffer, offset, STREAM_PREFIX)) {
            return -1;
        }
        final int limit = offset + length;
        int nameEnd = nameStart;
        while (nameEnd < limit && buffer.getByte(nameEnd) != '"') {
            nameEnd++;
        }
        final int nameLength = nameEnd - nameStart;
        for (int i = 0; i < names.length; i++) {
            if (names[i].length == nameLength && startsWith(buffer, nameStart, names[i])) {
                return i;
            }
        }
        return -1;
    }

    /** True if the frame is a combined-stream envelope (a data frame rather than a reply). */
    static boolean isStreamFrame(final DirectBuffer buffer, final int offset, final int length) {
        return length > STREAM_PREFIX.length && startsWith(buffer, offset, STREAM_PREFIX);
    }

    /**
     * The non-negative integer after the first {@code "<key>":} of the frame, or {@link Long#MIN_VALUE} if absent.
     * Keys are single letters; the envelope's own keys ({@code stream}, {@code data}) never match.
     */
    static long eventId(final DirectBuffer buffer, final int offset, final int length, final byte key) {
        final int limit = offset + length - 3;
        for (int i = offset; i < limit; i++) {
            if (buffer.getByte(i) == '"' && buffer.getByte(i + 1) == key && buffer.getByte(i + 2) == '"'
                && buffer.getByte(i + 3) == ':') {
                int p = i + 4;
                final int end = offset + length;
                long value = 0;
                int digits = 0;
                while (p < end) {
                    final byte b = buffer.getByte(p);
                    if (b < '0' || b > '9' || digits == 18) {
                        break;
                    }
                    value = value * 10 + (b - '0');
                    digits++;
                    p++;
                }
                if (digits > 0) {
                    return value;
                }
            }
        }
        return NONE;
    }

    private static boolean startsWith(final DirectBuffer buffer, final int offset, final byte[] prefix) {
        if (offset + prefix.length > buffer.capacity()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.getByte(offset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
