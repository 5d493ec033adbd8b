package io.ringtrader.gateway.common.ws;

import org.agrona.DirectBuffer;

/**
 * Decides, while a rotation's two sockets both deliver, which socket's frame goes downstream, so that every event is
 * delivered once and in order: the venue's rule, since it depends on how its frames name their stream and event
 * (Binance: {@code StreamHandover}, by stream name and update id; a user stream: {@link DuplicateFrameFilter}, by
 * the bytes). The {@link WsConnection} calls {@link #onOld} for the old socket's frames and {@link #onNew} for the
 * replacement's; its agent starts and ends the handover.
 *
 * <p>Not thread-safe: used on the connection's event loop; {@link #onOld} and {@link #onNew} run for every frame of a
 * handover and must not allocate.
 */
public interface FrameHandover {
    boolean DELIVER = true;
    boolean DROP = false;

    /** Starts a handover: every stream comes from the old socket. */
    void begin();

    /** True from {@link #begin()} (or {@link #trail()}) until {@link #end()}. */
    boolean active();

    /** True when every stream has switched to the new socket: the rotation may finish at once. */
    boolean complete();

    /** Ends the handover (finished or abandoned). */
    void end();

    /**
     * The old socket is gone, but streams switched without a proven join point still need the duplicate guard: the
     * (now only) socket's frames go through {@link #onNew} until {@link #guardsCleared()}.
     */
    void trail();

    /** True while {@link #trail()}ing. */
    boolean trailing();

    /** True when no switched stream still waits for its first frame past what was delivered. */
    boolean guardsCleared();

    /** A frame of the old socket: {@link #DELIVER} or {@link #DROP}. */
    boolean onOld(DirectBuffer buffer, int offset, int length);

    /** A frame of the new socket: {@link #DELIVER} or {@link #DROP}. */
    boolean onNew(DirectBuffer buffer, int offset, int length);

    /**
     * The handover timed out: switches every stream not yet switched to the new socket.
     *
     * @return how many of them had frames on the new socket that were dropped unmatched (possible gaps).
     */
    int forceSwitch();
}
