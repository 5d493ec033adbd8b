package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OperatorCommand;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Publishes operator commands as {@link EventKind#OPERATOR} events onto the inbound ring, so that an operator's
 * action (the kill switch) takes effect at a defined place in the event sequence, is journaled and replays
 * identically. The command acts only when the risk stage reaches the event: publishing is not applying.
 *
 * <p>For control planes (the JMX bean), not the hot path: thread-safe, calls are serialised, each returns a
 * small record. It never waits for room: a full ring is {@link PublishResult#BACK_PRESSURED}.
 */
public final class OperatorPublisher {
    private static final EventTranslatorOneArg<InboundEvent, OperatorPublisher> COMMAND = (event, sequence, staged) -> {
        event.kind = EventKind.OPERATOR;
        event.operatorCommand = staged.command;
        event.operatorSource = staged.source;
        event.operatorTarget = staged.target;
        event.receiveTimeNs = staged.receiveTimeNs;
        staged.sequence = sequence;
    };

    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    // The command being published; guarded by this.
    private OperatorCommand command;
    private int source;
    private int target;
    private long receiveTimeNs;
    private long sequence;

    /**
     * @param publisher the inbound ring's publisher.
     * @param clock     the engine clock the event's receive time is read from (as every producer stamps it).
     */
    public OperatorPublisher(final InboundPublisher publisher, final EpochNanoClock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Publishes {@code command} if the ring has room; any thread.
     *
     * @param source who gives it: {@link OperatorCommand#SOURCE_JMX}, ...
     * @return the outcome, with the event's ring sequence and receive time when published.
     */
    public Publication publish(final OperatorCommand command, final int source) {
        return publish(command, source, OperatorCommand.ALL_STRATEGIES);
    }

    /**
     * Publishes {@code command} acting on {@code target} (a strategy id for
     * {@link OperatorCommand#STRATEGY_RESUME}, or {@link OperatorCommand#ALL_STRATEGIES}) if the ring has room; any
     * thread.
     */
    public synchronized Publication publish(final OperatorCommand command, final int source, final int target) {
        this.command = command;
        this.source = source;
        this.target = target;
        this.receiveTimeNs = clock.nanoTime();
        this.sequence = Publication.NO_SEQUENCE;
        final PublishResult result = publisher.tryPublish(COMMAND, this);
        return new Publication(result, result == PublishResult.PUBLISHED ? sequence : Publication.NO_SEQUENCE, receiveTimeNs);
    }

    /**
     * What {@link #publish} did.
     *
     * @param result        {@link PublishResult#PUBLISHED}, or why not.
     * @param sequence      the event's inbound ring sequence (its journal {@code seq}); {@link #NO_SEQUENCE} when
     *                      not published.
     * @param receiveTimeNs the event's receive time (epoch ns, the engine clock).
     */
    public record Publication(PublishResult result, long sequence, long receiveTimeNs) {
        /** {@link #sequence()} of a command that was not published. */
        public static final long NO_SEQUENCE = -1;
    }
}
