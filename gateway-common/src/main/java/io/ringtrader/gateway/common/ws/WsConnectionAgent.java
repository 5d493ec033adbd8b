package io.ringtrader.gateway.common.ws;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one logical connection: which socket is the primary, when to reconnect and with what backoff,
 * when to rotate to a replacement socket and how the rotation ends, and what to report. It touches no socket itself:
 * it tells its {@link Sockets} what to open, subscribe and close, and is told what became of them.
 *
 * <pre>
 *   NEW ──start──▶ CONNECTING ──opened──▶ SUBSCRIBING ──subscribed──▶ LIVE ──rotation due──▶ ROTATING
 *                    ▲    │                    │                       │ ▲                    │
 *                    │    └────── ended ───────┴─────── ended ─────────┘ └── handover done ───┘
 *           reconnect due          ▼                                          (or timed out)
 *                    └──────── BACKING_OFF              ROTATING ──primary ended──▶ the replacement is the primary
 *   any ──close──▶ CLOSING ──every socket ended──▶ CLOSED
 * </pre>
 *
 * <p>Commands ({@link #start}, {@link #close}, {@link #reconnectNow}, {@link #rotateNow}) and socket events
 * ({@link #onOpened}, {@link #onSubscribed}, {@link #onEnded}, {@link #onHandoverComplete}) are queued; each
 * {@link #doWork} step takes one of them, or one due deadline (reconnect, rotation, handover timeout, end of the
 * trailing duplicate guard), makes at most one transition and returns the work done (0: nothing to do until an input
 * arrives or {@link #nextDeadlineNs()}). Time is the {@code nowNs} passed in, a monotonic clock: tests step it by hand.
 *
 * <p>Not thread-safe: every call on the connection's event loop; the getters of counters and {@link #reported()} may
 * be read from any thread (recent values). An input allocates a little (they are a connection's life events, never
 * per frame).
 */
public final class WsConnectionAgent {
    /** Where the connection is. */
    public enum State {
        /** Not started. */
        NEW,
        /** The primary socket is opening (resolve, connect, TLS, handshake). */
        CONNECTING,
        /** The primary socket is open; its subscriptions are not all acknowledged. */
        SUBSCRIBING,
        /** The primary socket is open and subscribed: frames flow. */
        LIVE,
        /** The primary socket is open and a replacement is opening, subscribing or handing over. */
        ROTATING,
        /** No socket: a reconnect is due at the deadline. */
        BACKING_OFF,
        /** {@link #close()} was called; sockets are closing. */
        CLOSING,
        /** Every socket is closed; nothing more happens. */
        CLOSED
    }

    /** What the agent asks of the sockets: done asynchronously, the outcome reported back through the agent's inputs. */
    public interface Sockets {
        /** Opens socket {@code socket}; then {@link #onOpened} once its handshake is done, or {@link #onEnded}. */
        void open(int socket);

        /** Sends the subscription requests on the open socket; then {@link #onSubscribed} once all are acknowledged. */
        void subscribe(int socket);

        /**
         * Closes the socket (after a close frame when asked and the socket is open), once: later calls do nothing;
         * then {@link #onEnded}.
         */
        void close(int socket, String reason, boolean sendCloseFrame);
    }

    /** No socket: {@link #primarySocket()} or {@link #candidateSocket()} when there is none. */
    public static final int NO_SOCKET = 0;
    /** {@link #nextDeadlineNs()} when nothing is due at any time. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(WsConnectionAgent.class);

    private enum Kind { START, CLOSE, RECONNECT_NOW, ROTATE_NOW, OPENED, SUBSCRIBED, ENDED, HANDOVER_COMPLETE }

    private record Input(Kind kind, int socket, String reason) {
    }

    /** One socket the agent knows: the primary or the replacement. */
    private static final class Link {
        final int number;
        boolean open;
        boolean subscribed;
        long connectedAtNs;

        Link(final int number) {
            this.number = number;
        }
    }

    private final String name;
    private final String description;
    private final int streamCount;
    private final long maxConnectionAgeNs;
    private final long handoverTimeoutNs;
    private final long stableAfterNs;
    private final String handoverTimeoutText;
    private final ReconnectBackoff backoff;
    private final FrameHandover handover;
    private final Sockets sockets;
    private final ConnectionListener listener;
    private final ArrayDeque<Input> inbox = new ArrayDeque<>();

    private State state = State.NEW;
    private Link primary;
    private Link candidate;
    private int lastSocket;
    private boolean hadConnection;
    private boolean continuityLost;
    private long reconnectAtNs = NO_DEADLINE;
    private long rotateAtNs = NO_DEADLINE;
    private long handoverDeadlineNs = NO_DEADLINE;
    private long trailEndNs = NO_DEADLINE;

    private volatile ConnectionState reported;
    private volatile long reconnectsScheduled;
    private volatile long rotationsCompleted;
    private volatile long continuityLosses;

    /**
     * @param name        for logs and listener calls, e.g. {@code public-0}.
     * @param description what the connection is, for the CONNECTING and CONNECTED reports (its URI, or
     *                    {@code user stream}).
     * @param streamCount the streams it subscribes (0: none, it is subscribed once open).
     * @param settings    backoff reset, rotation age and handover timeout.
     * @param backoff     reconnect and rotation-retry delays.
     * @param handover    which socket's frames go downstream during a rotation; the agent begins and ends it.
     * @param sockets     opens, subscribes and closes sockets.
     * @param listener    told of every state change and continuity loss.
     */
    public WsConnectionAgent(final String name, final String description, final int streamCount,
        final WsSettings settings, final ReconnectBackoff backoff, final FrameHandover handover, final Sockets sockets,
        final ConnectionListener listener) {
        this.name = name;
        this.description = description;
        this.streamCount = streamCount;
        this.maxConnectionAgeNs = settings.maxConnectionAge().toNanos();
        this.handoverTimeoutNs = settings.handoverTimeout().toNanos();
        this.stableAfterNs = settings.stableAfter().toNanos();
        this.handoverTimeoutText = settings.handoverTimeout().toString();
        this.backoff = backoff;
        this.handover = handover;
        this.sockets = sockets;
        this.listener = listener;
    }

    // ------------------------------------------------------------------ inputs

    /** Connects; once. Ignored after {@link #close()}. */
    public void start() {
        inbox.add(new Input(Kind.START, NO_SOCKET, null));
    }

    /** Stops for good: closes every socket; nothing reconnects or rotates afterwards. */
    public void close() {
        inbox.add(new Input(Kind.CLOSE, NO_SOCKET, null));
    }

    /** Drops the primary socket (reconnecting after the backoff's next delay, with a continuity loss). */
    public void reconnectNow(final String reason) {
        inbox.add(new Input(Kind.RECONNECT_NOW, NO_SOCKET, reason));
    }

    /** Starts a rotation now, as if {@code maxConnectionAge} had passed (ignored while one runs or when not open). */
    public void rotateNow() {
        inbox.add(new Input(Kind.ROTATE_NOW, NO_SOCKET, null));
    }

    /** The socket's handshake is done. */
    public void onOpened(final int socket) {
        inbox.add(new Input(Kind.OPENED, socket, null));
    }

    /** Every subscription request of the socket was acknowledged (at once, for a connection without streams). */
    public void onSubscribed(final int socket) {
        inbox.add(new Input(Kind.SUBSCRIBED, socket, null));
    }

    /** The socket is gone (never opened, closed by either side, failed); {@code reason} says why. */
    public void onEnded(final int socket, final String reason) {
        inbox.add(new Input(Kind.ENDED, socket, reason));
    }

    /** The handover has switched every stream to the replacement ({@link FrameHandover#complete()}). */
    public void onHandoverComplete() {
        inbox.add(new Input(Kind.HANDOVER_COMPLETE, NO_SOCKET, null));
    }

    // ------------------------------------------------------------------ duty cycle

    /**
     * One step: the oldest queued input, else one deadline that is due at {@code nowNs}.
     *
     * @return 1 if something was done, 0 if nothing is to be done before the next input or {@link #nextDeadlineNs()}.
     */
    public int doWork(final long nowNs) {
        final Input input = inbox.poll();
        if (input != null) {
            apply(input, nowNs);
            return 1;
        }
        if (nowNs >= reconnectAtNs) {
            reconnectAtNs = NO_DEADLINE;
            if (state == State.BACKING_OFF) {
                openPrimary();
            }
            return 1;
        }
        if (nowNs >= rotateAtNs) {
            rotateAtNs = NO_DEADLINE;
            rotate(nowNs);
            return 1;
        }
        if (nowNs >= handoverDeadlineNs) {
            handoverDeadlineNs = NO_DEADLINE;
            handoverTimedOut(nowNs);
            return 1;
        }
        if (nowNs >= trailEndNs) {
            trailEndNs = NO_DEADLINE;
            handover.end();
            return 1;
        }
        return 0;
    }

    /** The earliest deadline ({@code nowNs} of a future {@link #doWork}), or {@link #NO_DEADLINE}. */
    public long nextDeadlineNs() {
        return Math.min(Math.min(reconnectAtNs, rotateAtNs), Math.min(handoverDeadlineNs, trailEndNs));
    }

    private void apply(final Input input, final long nowNs) {
        if (state == State.CLOSED) {
            return;
        }
        switch (input.kind()) {
            case START -> {
                if (state == State.NEW) {
                    openPrimary();
                }
            }
            case CLOSE -> closeAll();
            case RECONNECT_NOW -> {
                if (state != State.CLOSING && primary != null) {
                    sockets.close(primary.number, input.reason(), true);
                }
            }
            case ROTATE_NOW -> rotate(nowNs);
            case OPENED -> opened(input.socket(), nowNs);
            case SUBSCRIBED -> subscribed(input.socket());
            case ENDED -> ended(input.socket(), input.reason(), nowNs);
            case HANDOVER_COMPLETE -> {
                if (state == State.ROTATING && handover.active() && handover.complete()) {
                    finishRotation(0, nowNs);
                }
            }
            default -> throw new IllegalStateException("unknown input " + input.kind());
        }
    }

    // ------------------------------------------------------------------ transitions

    private void openPrimary() {
        primary = new Link(++lastSocket);
        state = State.CONNECTING;
        report(ConnectionState.CONNECTING, 0, description);
        sockets.open(primary.number);
    }

    private void opened(final int socket, final long nowNs) {
        if (state == State.CLOSING) {
            sockets.close(socket, "closed by client", true);
            return;
        }
        if (primary != null && socket == primary.number) {
            primary.open = true;
            primary.connectedAtNs = nowNs;
            hadConnection = true;
            state = State.SUBSCRIBING;
            report(ConnectionState.CONNECTED, 0, description);
            if (continuityLost) {
                continuityLost = false;
                reportContinuityLost();
            }
            rotateAtNs = nowNs + maxConnectionAgeNs;
            sockets.subscribe(socket);
        } else if (candidate != null && socket == candidate.number) {
            candidate.open = true;
            candidate.connectedAtNs = nowNs;
            LOG.info("{}: replacement socket #{} connected", name, socket);
            sockets.subscribe(socket);
        }
    }

    private void subscribed(final int socket) {
        if (primary != null && socket == primary.number && !primary.subscribed) {
            primary.subscribed = true;
            if (state == State.SUBSCRIBING) {
                state = State.LIVE;
            }
            report(ConnectionState.SUBSCRIBED, 0, subscribedNote());
        } else if (candidate != null && socket == candidate.number && !candidate.subscribed) {
            candidate.subscribed = true;
            if (streamCount > 0) {
                LOG.info("{}: replacement socket #{} subscribed {} streams", name, socket, streamCount);
            }
        }
    }

    private void ended(final int socket, final String reason, final long nowNs) {
        if (candidate != null && socket == candidate.number) {
            candidate = null;
            endHandover();
            if (state == State.ROTATING) {
                state = primary.subscribed ? State.LIVE : State.SUBSCRIBING;
                final long retryNs = backoff.nextDelayNs();
                LOG.warn("{}: replacement socket #{} lost ({}); rotation retried in {} ms", name, socket, reason,
                    TimeUnit.NANOSECONDS.toMillis(retryNs));
                rotateAtNs = nowNs + retryNs;
            }
        } else if (primary != null && socket == primary.number) {
            final Link lost = primary;
            primary = null;
            if (lost.connectedAtNs != 0 && nowNs - lost.connectedAtNs >= stableAfterNs) {
                backoff.reset();
            }
            rotateAtNs = NO_DEADLINE;
            if (state != State.CLOSING) {
                report(ConnectionState.DISCONNECTED, 0, reason);
                continuityLost = hadConnection;
                if (candidate != null) {
                    promoteCandidate();
                } else {
                    scheduleReconnect(nowNs);
                }
            }
        }
        if (state == State.CLOSING && primary == null && candidate == null) {
            state = State.CLOSED;
            report(ConnectionState.CLOSED, 0, "");
        }
    }

    /** The primary died during a rotation: the replacement becomes the primary, with a gap. */
    private void promoteCandidate() {
        final Link promoted = candidate;
        candidate = null;
        endHandover();
        primary = promoted;
        if (!promoted.open) {
            state = State.CONNECTING;
            return;
        }
        continuityLost = false;
        state = promoted.subscribed ? State.LIVE : State.SUBSCRIBING;
        report(ConnectionState.CONNECTED, 0, "replacement socket #" + promoted.number + " took over");
        reportContinuityLost();
        if (promoted.subscribed) {
            report(ConnectionState.SUBSCRIBED, 0, subscribedNote());
        }
        rotateAtNs = promoted.connectedAtNs + maxConnectionAgeNs;
    }

    private void scheduleReconnect(final long nowNs) {
        state = State.BACKING_OFF;
        final long delayNs = backoff.nextDelayNs();
        reconnectsScheduled++;
        reconnectAtNs = nowNs + delayNs;
        report(ConnectionState.RECONNECT_SCHEDULED, delayNs, "attempt " + backoff.attempts());
    }

    private void rotate(final long nowNs) {
        if (state != State.SUBSCRIBING && state != State.LIVE) {
            return;
        }
        state = State.ROTATING;
        report(ConnectionState.ROTATING, 0, "replacing socket #" + primary.number);
        endHandover();
        handover.begin();
        candidate = new Link(++lastSocket);
        sockets.open(candidate.number);
        handoverDeadlineNs = nowNs + handoverTimeoutNs;
    }

    private void handoverTimedOut(final long nowNs) {
        if (state != State.ROTATING) {
            return;
        }
        if (!candidate.subscribed) {
            sockets.close(candidate.number, "replacement not subscribed within handoverTimeout " + handoverTimeoutText,
                false);
            return;
        }
        finishRotation(handover.forceSwitch(), nowNs);
    }

    private void finishRotation(final int unmatchedStreams, final long nowNs) {
        final Link old = primary;
        primary = candidate;
        candidate = null;
        endHandover();
        if (!handover.guardsCleared()) {
            handover.trail();
            trailEndNs = nowNs + handoverTimeoutNs;
        }
        state = primary.subscribed ? State.LIVE : State.SUBSCRIBING;
        sockets.close(old.number, "rotated to socket #" + primary.number, true);
        rotationsCompleted++;
        report(ConnectionState.ROTATED, 0, unmatchedStreams == 0
            ? "every stream matched" : unmatchedStreams + " streams switched unmatched");
        if (unmatchedStreams > 0) {
            reportContinuityLost();
        }
        rotateAtNs = primary.connectedAtNs + maxConnectionAgeNs;
    }

    private void closeAll() {
        if (state == State.CLOSING) {
            return;
        }
        reconnectAtNs = NO_DEADLINE;
        rotateAtNs = NO_DEADLINE;
        handoverDeadlineNs = NO_DEADLINE;
        trailEndNs = NO_DEADLINE;
        handover.end();
        if (primary == null && candidate == null) {
            state = State.CLOSED;
            report(ConnectionState.CLOSED, 0, "");
            return;
        }
        state = State.CLOSING;
        if (primary != null) {
            sockets.close(primary.number, "closed by client", true);
        }
        if (candidate != null) {
            sockets.close(candidate.number, "closed by client", true);
        }
    }

    private void endHandover() {
        handover.end();
        handoverDeadlineNs = NO_DEADLINE;
        trailEndNs = NO_DEADLINE;
    }

    private String subscribedNote() {
        return streamCount == 0 ? description : streamCount + " streams";
    }

    private void reportContinuityLost() {
        continuityLosses++;
        LOG.warn("{}: stream continuity lost, books must resync", name);
        listener.onContinuityLost(name);
    }

    private void report(final ConnectionState next, final long delayNs, final String reason) {
        reported = next;
        if (next == ConnectionState.DISCONNECTED) {
            LOG.warn("{}: {} ({})", name, next, reason);
        } else if (next == ConnectionState.RECONNECT_SCHEDULED) {
            LOG.info("{}: {} in {} ms ({})", name, next, TimeUnit.NANOSECONDS.toMillis(delayNs), reason);
        } else {
            LOG.info("{}: {} {}", name, next, reason);
        }
        listener.onStateChange(name, next, delayNs, reason);
    }

    // ------------------------------------------------------------------ state

    public State state() {
        return state;
    }

    /** The last state reported to the listener, or null before the first report. */
    public ConnectionState reported() {
        return reported;
    }

    /** The primary socket's number, or {@link #NO_SOCKET}. */
    public int primarySocket() {
        return primary == null ? NO_SOCKET : primary.number;
    }

    /** The replacement socket's number during a rotation, or {@link #NO_SOCKET}. */
    public int candidateSocket() {
        return candidate == null ? NO_SOCKET : candidate.number;
    }

    public long reconnectsScheduled() {
        return reconnectsScheduled;
    }

    public long rotationsCompleted() {
        return rotationsCompleted;
    }

    /** How often {@link ConnectionListener#onContinuityLost} was called. */
    public long continuityLosses() {
        return continuityLosses;
    }
}
