package io.ringtrader.gateway.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.time.ManualEpochNanoClock;
import io.ringtrader.gateway.common.ws.WsConnectionAgent.State;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link WsConnectionAgent} stepped by hand: a manual clock, sockets that only record what they were asked, and a
 * handover whose outcome the test sets.
 */
class WsConnectionAgentTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000 * SECOND);
    private final RecordingSockets sockets = new RecordingSockets();
    private final RecordingListener listener = new RecordingListener();
    private final ScriptedHandover handover = new ScriptedHandover();
    private final WsConnectionAgent agent = new WsConnectionAgent("test-0", "ws://127.0.0.1/stream", 2,
        TestWsSettings.defaults(), new ReconnectBackoff(100 * MS, 800 * MS, WsSettings.Jitter.EQUAL,
            new SplittableRandom(42)), handover, sockets, listener);

    @Test
    void shouldOpenThePrimarySocketOnStartAndReportConnecting() {
        agent.start();
        step();

        assertEquals(List.of("open 1"), sockets.calls);
        assertEquals(State.CONNECTING, agent.state());
        assertEquals(List.of("CONNECTING ws://127.0.0.1/stream"), listener.reports);
    }

    @Test
    void shouldSubscribeAnOpenedSocketAndGoLiveOnceItIsSubscribed() {
        live();

        assertEquals(List.of("open 1", "subscribe 1"), sockets.calls);
        assertEquals(State.LIVE, agent.state());
        assertEquals(List.of("CONNECTING ws://127.0.0.1/stream", "CONNECTED ws://127.0.0.1/stream", "SUBSCRIBED 2 streams"),
            listener.reports);
    }

    @Test
    void shouldMakeOneTransitionPerStepAndReportIdleWhenNothingIsDue() {
        agent.start();
        agent.onOpened(1);

        assertEquals(1, agent.doWork(clock.nanoTime()));
        assertEquals(State.CONNECTING, agent.state());
        assertEquals(1, agent.doWork(clock.nanoTime()));
        assertEquals(State.SUBSCRIBING, agent.state());
        assertEquals(0, agent.doWork(clock.nanoTime()));
    }

    @Test
    void shouldReconnectExactlyWhenTheBackoffDelayReportedHasPassed() {
        live();
        agent.onEnded(1, "server sent close 1001");
        step();
        final long delayNs = listener.lastDelayNs;
        assertEquals(State.BACKING_OFF, agent.state());
        assertTrue(delayNs >= 50 * MS && delayNs <= 100 * MS, "first delay from the initial ceiling: " + delayNs);
        assertEquals(clock.nanoTime() + delayNs, agent.nextDeadlineNs());

        clock.advance(delayNs - 1);
        assertEquals(0, agent.doWork(clock.nanoTime()));
        clock.advance(1);
        assertEquals(1, agent.doWork(clock.nanoTime()));

        assertEquals("open 2", sockets.last());
        assertEquals(State.CONNECTING, agent.state());
    }

    @Test
    void shouldReportTheDisconnectThenTheScheduledReconnectWithItsAttempt() {
        live();
        listener.reports.clear();

        agent.onEnded(1, "connection closed");
        step();

        assertEquals(List.of("DISCONNECTED connection closed", "RECONNECT_SCHEDULED attempt 1"), listener.reports);
        assertEquals(1, agent.reconnectsScheduled());
    }

    @Test
    void shouldReportTheContinuityLossWhenTheNextSocketOpensNotBefore() {
        live();
        agent.onEnded(1, "connection closed");
        step();
        assertEquals(0, listener.continuityLosses);

        reconnect(2);

        assertEquals(1, listener.continuityLosses);
        assertEquals(List.of("CONNECTED ws://127.0.0.1/stream", "SUBSCRIBED 2 streams"),
            listener.reports.subList(listener.reports.size() - 2, listener.reports.size()));
    }

    @Test
    void shouldDrawTheNextDelayFromTheDoubledCeilingAfterAShortLivedSocket() {
        live();
        agent.onEnded(1, "connection closed");
        step();
        reconnect(2);
        clock.advance(SECOND);

        agent.onEnded(2, "connection closed");
        step();

        assertTrue(listener.lastDelayNs >= 100 * MS && listener.lastDelayNs <= 200 * MS, "second ceiling: " + listener.lastDelayNs);
        assertEquals("RECONNECT_SCHEDULED attempt 2", listener.last());
    }

    @Test
    void shouldStartTheBackoffAgainAfterASocketThatStayedUpLongerThanStableAfter() {
        live();
        agent.onEnded(1, "connection closed");
        step();
        reconnect(2);
        clock.advance(60 * SECOND);

        agent.onEnded(2, "connection closed");
        step();

        assertEquals("RECONNECT_SCHEDULED attempt 1", listener.last());
        assertTrue(listener.lastDelayNs <= 100 * MS, "back at the initial ceiling: " + listener.lastDelayNs);
    }

    @Test
    void shouldOpenAReplacementAtTheMaximumConnectionAgeAndBeginTheHandover() {
        live();
        clock.advance(HOUR - 1);
        assertEquals(0, agent.doWork(clock.nanoTime()));

        clock.advance(1);
        step();

        assertEquals(State.ROTATING, agent.state());
        assertEquals("open 2", sockets.last());
        assertEquals(1, handover.begins);
        assertEquals("ROTATING replacing socket #1", listener.last());
        assertEquals(2, agent.candidateSocket());
    }

    @Test
    void shouldFinishTheRotationWhenTheHandoverCompletesClosingTheOldSocket() {
        rotatingWithSubscribedReplacement();
        handover.complete = true;

        agent.onHandoverComplete();
        step();

        assertEquals(State.LIVE, agent.state());
        assertEquals(2, agent.primarySocket());
        assertEquals("close 1 rotated to socket #2 (close frame)", sockets.last());
        assertEquals("ROTATED every stream matched", listener.last());
        assertEquals(1, agent.rotationsCompleted());
        assertEquals(0, listener.continuityLosses);
    }

    @Test
    void shouldScheduleTheNextRotationFromTheReplacementsOpeningTime() {
        rotatingWithSubscribedReplacement();
        final long openedAtNs = clock.nanoTime();
        clock.advance(5 * SECOND);
        handover.complete = true;

        agent.onHandoverComplete();
        step();

        assertEquals(openedAtNs + HOUR, agent.nextDeadlineNs());
    }

    @Test
    void shouldCloseAReplacementNotSubscribedByTheHandoverTimeoutAndRetryTheRotationAfterABackoff() {
        live();
        agent.rotateNow();
        step();
        agent.onOpened(2);
        step();
        clock.advance(30 * SECOND);
        step();
        assertEquals("close 2 replacement not subscribed within handoverTimeout PT30S", sockets.last());

        agent.onEnded(2, "replacement not subscribed within handoverTimeout PT30S");
        step();

        assertEquals(State.LIVE, agent.state());
        assertEquals(1, agent.primarySocket());
        assertTrue(agent.nextDeadlineNs() <= clock.nanoTime() + 100 * MS, "rotation retried after a backoff");
        assertEquals(0, agent.rotationsCompleted());
    }

    @Test
    void shouldForceTheSwitchAtTheHandoverTimeoutAndReportAGapForUnmatchedStreams() {
        rotatingWithSubscribedReplacement();
        handover.unmatched = 1;
        clock.advance(30 * SECOND);

        step();

        assertEquals(2, agent.primarySocket());
        assertEquals("ROTATED 1 streams switched unmatched", listener.last());
        assertEquals(1, listener.continuityLosses);
    }

    @Test
    void shouldKeepTheDuplicateGuardForAHandoverTimeoutAfterAForcedSwitch() {
        rotatingWithSubscribedReplacement();
        handover.guardsCleared = false;
        clock.advance(30 * SECOND);
        step();
        assertTrue(handover.trailing, "trailing after the switch");

        clock.advance(30 * SECOND);
        step();

        assertTrue(!handover.active, "the guard ended a handover timeout later");
    }

    @Test
    void shouldLetTheReplacementTakeOverWithAGapWhenThePrimaryDiesDuringTheRotation() {
        rotatingWithSubscribedReplacement();
        listener.reports.clear();

        agent.onEnded(1, "connection closed");
        step();

        assertEquals(State.LIVE, agent.state());
        assertEquals(2, agent.primarySocket());
        assertEquals(List.of("DISCONNECTED connection closed", "CONNECTED replacement socket #2 took over",
            "SUBSCRIBED 2 streams"), listener.reports);
        assertEquals(1, listener.continuityLosses);
        assertEquals(0, agent.reconnectsScheduled());
    }

    @Test
    void shouldWaitForAReplacementStillOpeningWhenThePrimaryDiesDuringTheRotation() {
        live();
        agent.rotateNow();
        step();

        agent.onEnded(1, "connection closed");
        step();
        assertEquals(State.CONNECTING, agent.state());
        agent.onOpened(2);
        step();

        assertEquals(State.SUBSCRIBING, agent.state());
        assertEquals(1, listener.continuityLosses);
        assertEquals("subscribe 2", sockets.last());
    }

    @Test
    void shouldCloseTheOpenSocketsOnCloseAndReportClosedOnceTheyEnded() {
        rotatingWithSubscribedReplacement();

        agent.close();
        step();
        assertEquals(State.CLOSING, agent.state());
        assertEquals(List.of("close 1 closed by client (close frame)", "close 2 closed by client (close frame)"),
            sockets.calls.subList(sockets.calls.size() - 2, sockets.calls.size()));
        agent.onEnded(1, "closed by client");
        agent.onEnded(2, "closed by client");
        step();

        assertEquals(State.CLOSED, agent.state());
        assertEquals("CLOSED ", listener.last());
        assertTrue(listener.reports.stream().noneMatch(r -> r.startsWith("DISCONNECTED")), listener.reports.toString());
    }

    @Test
    void shouldNeverReconnectWhenClosedWhileAReconnectIsScheduled() {
        live();
        agent.onEnded(1, "connection closed");
        step();

        agent.close();
        step();
        clock.advance(HOUR);
        step();

        assertEquals(State.CLOSED, agent.state());
        assertEquals(WsConnectionAgent.NO_DEADLINE, agent.nextDeadlineNs());
        assertEquals(List.of("open 1", "subscribe 1"), sockets.calls);
    }

    @Test
    void shouldCloseThePrimaryWithACloseFrameOnReconnectNow() {
        live();

        agent.reconnectNow("listen key renewed");
        step();

        assertEquals("close 1 listen key renewed (close frame)", sockets.last());
    }

    @Test
    void shouldIgnoreARotationAskedForBeforeThePrimaryIsOpen() {
        agent.start();
        step();

        agent.rotateNow();
        step();

        assertEquals(State.CONNECTING, agent.state());
        assertEquals(List.of("open 1"), sockets.calls);
    }

    /** Started, opened and subscribed socket 1, at the clock's time. */
    private void live() {
        agent.start();
        step();
        agent.onOpened(1);
        step();
        agent.onSubscribed(1);
        step();
    }

    /** Live on socket 1, then a rotation whose replacement (socket 2) opened and subscribed. */
    private void rotatingWithSubscribedReplacement() {
        live();
        agent.rotateNow();
        step();
        agent.onOpened(2);
        step();
        agent.onSubscribed(2);
        step();
    }

    /** After a scheduled reconnect: lets the delay pass and opens and subscribes {@code socket}. */
    private void reconnect(final int socket) {
        clock.advance(listener.lastDelayNs);
        step();
        agent.onOpened(socket);
        step();
        agent.onSubscribed(socket);
        step();
    }

    /** Runs the agent until it is idle at the clock's time. */
    private void step() {
        while (agent.doWork(clock.nanoTime()) > 0) {
            // until idle
        }
    }

    private static final class RecordingSockets implements WsConnectionAgent.Sockets {
        final List<String> calls = new ArrayList<>();

        @Override
        public void open(final int socket) {
            calls.add("open " + socket);
        }

        @Override
        public void subscribe(final int socket) {
            calls.add("subscribe " + socket);
        }

        @Override
        public void close(final int socket, final String reason, final boolean sendCloseFrame) {
            calls.add("close " + socket + " " + reason + (sendCloseFrame ? " (close frame)" : ""));
        }

        String last() {
            return calls.get(calls.size() - 1);
        }
    }

    private static final class RecordingListener implements ConnectionListener {
        final List<String> reports = new ArrayList<>();
        long lastDelayNs;
        int continuityLosses;

        @Override
        public void onStateChange(final String connection, final ConnectionState state, final long delayNs,
            final String reason) {
            reports.add(state + " " + reason);
            if (state == ConnectionState.RECONNECT_SCHEDULED) {
                lastDelayNs = delayNs;
            }
        }

        @Override
        public void onContinuityLost(final String connection) {
            continuityLosses++;
        }

        String last() {
            return reports.get(reports.size() - 1);
        }
    }

    /** A handover whose completion, unmatched streams and guards the test decides. */
    private static final class ScriptedHandover implements FrameHandover {
        int begins;
        boolean active;
        boolean trailing;
        boolean complete;
        boolean guardsCleared = true;
        int unmatched;

        @Override
        public void begin() {
            begins++;
            active = true;
            trailing = false;
        }

        @Override
        public boolean active() {
            return active;
        }

        @Override
        public boolean complete() {
            return complete;
        }

        @Override
        public void end() {
            active = false;
            trailing = false;
        }

        @Override
        public void trail() {
            active = true;
            trailing = true;
        }

        @Override
        public boolean trailing() {
            return trailing;
        }

        @Override
        public boolean guardsCleared() {
            return guardsCleared;
        }

        @Override
        public boolean onOld(final DirectBuffer buffer, final int offset, final int length) {
            return DELIVER;
        }

        @Override
        public boolean onNew(final DirectBuffer buffer, final int offset, final int length) {
            return DROP;
        }

        @Override
        public int forceSwitch() {
            return unmatched;
        }
    }
}
