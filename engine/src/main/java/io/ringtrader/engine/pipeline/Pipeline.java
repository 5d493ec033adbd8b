package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.FixedSequenceGroup;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.telemetry.LatencyRegistry;
import io.ringtrader.engine.telemetry.StageLatencyRecorder;
import io.ringtrader.engine.time.SystemEpochNanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two rings and their stage threads.
 *
 * <pre>
 *  producers ──▶ inbound ring (multi-producer) ──┬─ journal
 *                                               └─ book → features → model → strategy → risk → router
 *                                                                                            │
 *                 outbound ring (single producer: the router) ◀──────────────────────────────┘
 *                        ├─ venue ──▶ execution reports back onto the inbound ring
 *                        └─ outbound journal
 * </pre>
 *
 * Which stages share a thread, how each thread waits and where it is pinned come from
 * {@link StageThreadSpec}s. Lifecycle: {@link #start()} once, {@link #stop()} once (drain, then
 * halt). Not thread-safe: one owner thread calls start and stop.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** Where a pipeline is in its life. */
    public enum State { NEW, RUNNING, STOPPED }

    private final RingBuffer<InboundEvent> inboundRing;
    private final RingBuffer<OrderCommand> outboundRing;
    private final InboundPublisher inboundPublisher;
    private final OrderCommandPublisher outboundPublisher;
    private final List<StageThread> inboundThreads;
    private final List<StageThread> outboundThreads;
    private final List<InboundProducer> producers;
    private final LatencyRegistry latency;
    private final DistinctErrorHandler errors;
    private final Duration drainTimeout;
    private final JournalProgress journalProgress;
    private final boolean ordersGated;
    private State state = State.NEW;

    private Pipeline(final Builder builder) {
        StageThreadSpec.validate(builder.threads);
        final int processors = Runtime.getRuntime().availableProcessors();
        for (final StageThreadSpec spec : builder.threads) {
            if (spec.cpu() >= processors) {
                throw new IllegalArgumentException("thread " + spec.name() + ": cpu " + spec.cpu()
                    + " does not exist (this machine has " + processors + " cpus, 0.." + (processors - 1) + ")");
            }
        }
        errors = builder.errors;
        drainTimeout = builder.drainTimeout;
        latency = new LatencyRegistry(builder.highestTrackableLatencyNs, builder.significantDigits);
        producers = List.copyOf(builder.producers);

        final List<StageThreadSpec> inboundSpecs = builder.threads.stream()
            .filter(t -> t.stages().get(0).isInbound())
            .sorted(Comparator.comparingInt(t -> t.stages().get(0).ordinal()))
            .collect(Collectors.toList());
        // With the journal gate the venue waits for the outbound journal, so that one is built first.
        final boolean gate = builder.journalProgress != null && builder.gateOrders;
        final List<StageThreadSpec> outboundSpecs = builder.threads.stream()
            .filter(t -> !t.stages().get(0).isInbound())
            .sorted(Comparator.comparingInt(t -> gate && t.stages().get(0) == StageId.OUTBOUND_JOURNAL ? -1 : t.stages().get(0).ordinal()))
            .collect(Collectors.toList());

        final WaitStrategies inboundWaits = new WaitStrategies(kinds(inboundSpecs));
        final WaitStrategies outboundWaits = new WaitStrategies(kinds(outboundSpecs));
        final int levelsPerSlot = builder.levelsPerSlot;
        inboundRing = RingBuffer.create(ProducerType.MULTI, () -> new InboundEvent(levelsPerSlot),
            builder.inboundRingSize, inboundWaits.ringStrategy());
        outboundRing = RingBuffer.create(ProducerType.SINGLE, OrderCommand::new,
            builder.outboundRingSize, outboundWaits.ringStrategy());
        inboundPublisher = new InboundPublisher(inboundRing, errors);
        outboundPublisher = new OrderCommandPublisher(outboundRing);

        final Map<StageId, Object> stages = new EnumMap<>(builder.stages);
        stages.put(StageId.ROUTER, builder.router.apply(outboundPublisher, inboundPublisher));
        stages.put(StageId.VENUE, builder.venueStage(inboundPublisher));
        journalProgress = builder.journalProgress;
        if (journalProgress != null) {
            stages.put(StageId.JOURNAL, new GuardedInboundJournal((InboundJournal)stages.get(StageId.JOURNAL), journalProgress));
            stages.put(StageId.OUTBOUND_JOURNAL,
                new GuardedOutboundJournal((OutboundJournal)stages.get(StageId.OUTBOUND_JOURNAL), journalProgress));
            if (gate) {
                stages.put(StageId.VENUE, new GatedVenue((VenueStage)stages.get(StageId.VENUE), journalProgress, errors));
            }
        }
        ordersGated = gate;

        // Register recorders in chain order so reports read top to bottom.
        final Map<StageId, StageLatencyRecorder> recorders = new EnumMap<>(StageId.class);
        for (final StageId id : StageId.values()) {
            recorders.put(id, latency.register(id.configName()));
        }

        final ExceptionHandler<Object> processorErrors = new ProcessorExceptionHandler(errors);
        inboundThreads = new ArrayList<>();
        Sequence previousBusiness = null;
        final List<Sequence> inboundTerminals = new ArrayList<>();
        for (final StageThreadSpec spec : inboundSpecs) {
            final StageId[] ids = spec.stages().toArray(new StageId[0]);
            final InboundStage[] group = new InboundStage[ids.length];
            final StageLatencyRecorder[] groupRecorders = new StageLatencyRecorder[ids.length];
            for (int i = 0; i < ids.length; i++) {
                group[i] = (InboundStage)stages.get(ids[i]);
                groupRecorders[i] = recorders.get(ids[i]);
            }
            final boolean business = ids[0].isBusinessChain();
            final Sequence dependency = business ? previousBusiness : null;
            final StageBarrier barrier = new StageBarrier(inboundRing, inboundWaits.forThread(spec.waitStrategy()),
                dependency == null ? null : new FixedSequenceGroup(new Sequence[] {dependency}));
            final StageGroupHandler.Inbound handler =
                new StageGroupHandler.Inbound(spec.name(), group, ids, groupRecorders, builder.clock, errors);
            final BatchEventProcessor<InboundEvent> processor = new BatchEventProcessorBuilder().build(inboundRing, barrier, handler);
            processor.setExceptionHandler(processorErrors);
            inboundThreads.add(new StageThread(spec, processor, handler, errors));
            if (business) {
                previousBusiness = processor.getSequence();
            } else {
                inboundTerminals.add(processor.getSequence());
            }
        }
        inboundTerminals.add(previousBusiness);
        inboundRing.addGatingSequences(inboundTerminals.toArray(new Sequence[0]));

        outboundThreads = new ArrayList<>();
        final List<Sequence> outboundTerminals = new ArrayList<>();
        Sequence outboundJournal = null;
        for (final StageThreadSpec spec : outboundSpecs) {
            final StageId[] ids = spec.stages().toArray(new StageId[0]);
            final OutboundStage[] group = new OutboundStage[ids.length];
            final StageLatencyRecorder[] groupRecorders = new StageLatencyRecorder[ids.length];
            for (int i = 0; i < ids.length; i++) {
                group[i] = (OutboundStage)stages.get(ids[i]);
                groupRecorders[i] = recorders.get(ids[i]);
            }
            final boolean behindJournal = gate && ids[0] == StageId.VENUE;
            final StageBarrier barrier = new StageBarrier(outboundRing, outboundWaits.forThread(spec.waitStrategy()),
                behindJournal ? new FixedSequenceGroup(new Sequence[] {outboundJournal}) : null);
            final StageGroupHandler.Outbound handler =
                new StageGroupHandler.Outbound(spec.name(), group, ids, groupRecorders, builder.clock, errors);
            final BatchEventProcessor<OrderCommand> processor = new BatchEventProcessorBuilder().build(outboundRing, barrier, handler);
            processor.setExceptionHandler(processorErrors);
            outboundThreads.add(new StageThread(spec, processor, handler, errors));
            outboundTerminals.add(processor.getSequence());
            if (ids[0] == StageId.OUTBOUND_JOURNAL) {
                outboundJournal = processor.getSequence();
            }
        }
        outboundRing.addGatingSequences(outboundTerminals.toArray(new Sequence[0]));
        // Reports and thread lists read in chain order, whatever order the gate built the threads in.
        outboundThreads.sort(Comparator.comparingInt(t -> t.spec().stages().get(0).ordinal()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the stage threads, waits until every stage has started, then starts the producers. A stage
     * whose {@code onStart} fails (a journal that cannot open) stops the pipeline again: nothing runs
     * half-wired.
     *
     * @throws IllegalStateException naming the stage that failed to start.
     */
    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("pipeline can be started once; it is " + state);
        }
        state = State.RUNNING;
        for (final StageThread thread : allThreads()) {
            thread.start();
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (final StageThread thread : allThreads()) {
            while (!thread.processor().isRunning()) {
                if (System.nanoTime() > deadlineNs) {
                    throw new IllegalStateException("stage thread " + thread.spec().name() + " did not start within 10s");
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        for (final StageThread thread : allThreads()) {
            final String failure;
            try {
                failure = thread.handler().awaitStarted(Math.max(1, deadlineNs - System.nanoTime()));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while starting the pipeline", e);
            }
            if (failure != null) {
                stop();
                throw new IllegalStateException(failure);
            }
        }
        for (final InboundProducer producer : producers) {
            producer.start(inboundPublisher);
        }
        LOG.info("pipeline started: {} threads, inbound ring {} slots, outbound ring {} slots",
            allThreads().size(), inboundRing.getBufferSize(), outboundRing.getBufferSize());
    }

    /**
     * Stops cleanly: stops the producers, waits until every event published so far has gone through
     * every stage of both rings (execution reports from the venue included), closes the publishers, halts
     * the stage threads and joins them.
     *
     * @return what happened; {@link StopReport#clean()} is false when draining or joining timed out.
     */
    public StopReport stop() {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return new StopReport(true, 0, 0, List.of());
        }
        for (final InboundProducer producer : producers) {
            try {
                producer.stop();
            } catch (final Throwable t) {
                errors.onError(ErrorKind.PRODUCER, producer.name() + ".stop", t);
            }
        }
        final long deadlineNs = System.nanoTime() + drainTimeout.toNanos();
        boolean drained = drain(deadlineNs);
        inboundPublisher.close();
        outboundPublisher.close();
        // Anything that slipped in before the publishers closed gets one more chance.
        drained = drain(deadlineNs) && drained;
        final long undrainedInbound = inboundRing.getCursor() - minSequence(inboundThreads);
        final long undrainedOutbound = outboundRing.getCursor() - minSequence(outboundThreads);

        for (final StageThread thread : allThreads()) {
            thread.processor().halt();
        }
        final List<String> alive = new ArrayList<>();
        final long joinDeadlineNs = Math.max(deadlineNs, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        for (final StageThread thread : allThreads()) {
            try {
                final long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadlineNs - System.nanoTime()));
                thread.thread().join(waitMs);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.thread().isAlive()) {
                alive.add(thread.spec().name());
            }
        }
        state = State.STOPPED;
        final StopReport report = new StopReport(drained && alive.isEmpty(), undrainedInbound, undrainedOutbound, alive);
        if (report.clean()) {
            LOG.info("pipeline stopped cleanly: {} inbound and {} outbound events processed",
                inboundRing.getCursor() + 1, outboundRing.getCursor() + 1);
        } else {
            LOG.error("pipeline stop was not clean: {}", report);
        }
        return report;
    }

    public State state() {
        return state;
    }

    /** For producers that are not registered with the builder (tests, tools). */
    public InboundPublisher inboundPublisher() {
        return inboundPublisher;
    }

    public LatencyRegistry latency() {
        return latency;
    }

    /** What the journal stages wrote and whether they failed; null when the builder was given none. */
    public JournalProgress journalProgress() {
        return journalProgress;
    }

    /** True when the venue stage sends only journaled commands ({@code journal.gateOrders}). */
    public boolean ordersGated() {
        return ordersGated;
    }

    public DistinctErrorHandler errors() {
        return errors;
    }

    /** Inbound events published so far (the inbound ring's cursor + 1). */
    public long inboundPublished() {
        return inboundRing.getCursor() + 1;
    }

    /** Order commands published so far (the outbound ring's cursor + 1). */
    public long outboundPublished() {
        return outboundRing.getCursor() + 1;
    }

    /** Names of the pipeline's stage threads, inbound then outbound. */
    public List<String> threadNames() {
        return allThreads().stream().map(t -> t.spec().name()).collect(Collectors.toList());
    }

    /** The pipeline's stage threads as configured (name, stages, wait strategy, CPU), inbound then outbound. */
    public List<StageThreadSpec> threadSpecs() {
        return allThreads().stream().map(StageThread::spec).toList();
    }

    private boolean drain(final long deadlineNs) {
        while (true) {
            final long inboundCursor = inboundRing.getCursor();
            final long outboundCursor = outboundRing.getCursor();
            if (minSequence(inboundThreads) >= inboundCursor && minSequence(outboundThreads) >= outboundCursor
                && inboundRing.getCursor() == inboundCursor && outboundRing.getCursor() == outboundCursor) {
                return true;
            }
            if (System.nanoTime() > deadlineNs) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static long minSequence(final List<StageThread> threads) {
        long min = Long.MAX_VALUE;
        for (final StageThread thread : threads) {
            min = Math.min(min, thread.processor().getSequence().get());
        }
        return min;
    }

    private List<StageThread> allThreads() {
        final List<StageThread> all = new ArrayList<>(inboundThreads);
        all.addAll(outboundThreads);
        return all;
    }

    private static List<WaitStrategyKind> kinds(final List<StageThreadSpec> specs) {
        return specs.stream().map(StageThreadSpec::waitStrategy).collect(Collectors.toList());
    }

    /**
     * What {@link #stop()} achieved.
     *
     * @param clean             every event drained and every thread joined in time.
     * @param undrainedInbound  inbound events published but not through every stage.
     * @param undrainedOutbound order commands published but not through every stage.
     * @param threadsStillAlive names of threads that did not end.
     */
    public record StopReport(boolean clean, long undrainedInbound, long undrainedOutbound, List<String> threadsStillAlive) {
    }

    /** Routes processor-level exceptions to the error handler; the processor keeps running. */
    private static final class ProcessorExceptionHandler implements ExceptionHandler<Object> {
        private final DistinctErrorHandler errors;

        ProcessorExceptionHandler(final DistinctErrorHandler errors) {
            this.errors = errors;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final Object event) {
            errors.onError(ErrorKind.STAGE, "processor", ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex) {
            errors.onError(ErrorKind.STAGE, "processor.onStart", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex) {
            errors.onError(ErrorKind.STAGE, "processor.onShutdown", ex);
        }
    }

    /** Assembles a pipeline. Stages not given are pass-through no-ops. */
    public static final class Builder {
        private int inboundRingSize = 16_384;
        private int outboundRingSize = 4_096;
        private int levelsPerSlot = 32;
        private List<StageThreadSpec> threads = StageThreadSpec.defaults();
        private EpochNanoClock clock = new SystemEpochNanoClock();
        private DistinctErrorHandler errors = new DistinctErrorHandler();
        private Duration drainTimeout = Duration.ofSeconds(5);
        private long highestTrackableLatencyNs = TimeUnit.SECONDS.toNanos(10);
        private int significantDigits = 3;
        private final Map<StageId, Object> stages = new EnumMap<>(StageId.class);
        private java.util.function.BiFunction<OrderCommandPublisher, InboundPublisher, ? extends RouterStage> router =
            (commands, events) -> new NoOpStages.Router();
        private Function<InboundPublisher, ? extends VenueStage> venue = publisher -> new NoOpStages.Venue();
        private final Map<Venue, Function<InboundPublisher, ? extends VenueStage>> venueStages =
            new EnumMap<>(Venue.class);
        private final List<InboundProducer> producers = new ArrayList<>();
        private JournalProgress journalProgress;
        private boolean gateOrders;

        private Builder() {
            stages.put(StageId.JOURNAL, new NoOpStages.Journal());
            stages.put(StageId.BOOK, new NoOpStages.Book());
            stages.put(StageId.FEATURES, new NoOpStages.Features());
            stages.put(StageId.MODEL, new NoOpStages.Model());
            stages.put(StageId.STRATEGY, new NoOpStages.Strategy());
            stages.put(StageId.RISK, new NoOpStages.Risk());
            stages.put(StageId.OUTBOUND_JOURNAL, new NoOpStages.OutboundJournalStage());
        }

        /** Inbound ring slots: a power of two. */
        public Builder inboundRingSize(final int slots) {
            this.inboundRingSize = powerOfTwo("inboundRingSize", slots);
            return this;
        }

        /** Outbound ring slots: a power of two. */
        public Builder outboundRingSize(final int slots) {
            this.outboundRingSize = powerOfTwo("outboundRingSize", slots);
            return this;
        }

        /** Book levels per side per inbound slot. */
        public Builder levelsPerSlot(final int levels) {
            if (levels < 1) {
                throw new IllegalArgumentException("levelsPerSlot must be >= 1: " + levels);
            }
            this.levelsPerSlot = levels;
            return this;
        }

        public Builder threads(final List<StageThreadSpec> threads) {
            this.threads = List.copyOf(threads);
            return this;
        }

        /** The clock stage latencies are measured with (the one producers stamp receive times with). */
        public Builder clock(final EpochNanoClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder errorHandler(final DistinctErrorHandler errors) {
            this.errors = errors;
            return this;
        }

        /** How long {@link Pipeline#stop()} waits for in-flight events before halting anyway. */
        public Builder drainTimeout(final Duration timeout) {
            this.drainTimeout = timeout;
            return this;
        }

        public Builder latencyHistogram(final long highestTrackableNs, final int significantDigits) {
            this.highestTrackableLatencyNs = highestTrackableNs;
            this.significantDigits = significantDigits;
            return this;
        }

        public Builder journal(final InboundJournal stage) {
            stages.put(StageId.JOURNAL, stage);
            return this;
        }

        public Builder book(final BookStage stage) {
            stages.put(StageId.BOOK, stage);
            return this;
        }

        public Builder features(final FeatureStage stage) {
            stages.put(StageId.FEATURES, stage);
            return this;
        }

        public Builder model(final ModelStage stage) {
            stages.put(StageId.MODEL, stage);
            return this;
        }

        public Builder strategy(final StrategyStage stage) {
            stages.put(StageId.STRATEGY, stage);
            return this;
        }

        public Builder risk(final RiskStage stage) {
            stages.put(StageId.RISK, stage);
            return this;
        }

        /** The router is created with the outbound ring's publisher. */
        public Builder router(final Function<OrderCommandPublisher, ? extends RouterStage> factory) {
            this.router = (commands, events) -> factory.apply(commands);
            return this;
        }

        /**
         * A router that also publishes inbound events (the paper venue's execution reports). It must never
         * wait on the inbound ring: it is one of its consumers.
         */
        public Builder router(final java.util.function.BiFunction<OrderCommandPublisher, InboundPublisher, ? extends RouterStage> factory) {
            this.router = factory;
            return this;
        }

        /**
         * The venue stage, created with the inbound publisher for its execution reports: with no venue of its own
         * ({@link #venue(Venue, Function)}) it gets every command, else the commands of
         * every venue without one.
         */
        public Builder venue(final Function<InboundPublisher, ? extends VenueStage> factory) {
            this.venue = factory;
            return this;
        }

        /**
         * The venue stage of one venue (its order entry): it gets the commands of that venue only, dispatched by
         * {@link io.ringtrader.engine.event.OrderCommand#venueId} on the venue thread ({@link VenueDispatcher}).
         *
         * @throws IllegalArgumentException when the venue has a stage already.
         */
        public Builder venue(final Venue venue,
            final Function<InboundPublisher, ? extends VenueStage> factory) {
            if (venueStages.putIfAbsent(venue, factory) != null) {
                throw new IllegalArgumentException("venue " + venue.configName() + " has a venue stage already");
            }
            return this;
        }

        /** The venues given a stage of their own. */
        public Set<Venue> venuesWithStages() {
            return Set.copyOf(venueStages.keySet());
        }

        /** The outbound ring's venue stage: the one venue stage, or a dispatcher over each venue's and the fallback. */
        private VenueStage venueStage(final InboundPublisher publisher) {
            final VenueStage fallback = venue.apply(publisher);
            if (venueStages.isEmpty()) {
                return fallback;
            }
            final Map<Venue, VenueStage> built =
                new EnumMap<>(Venue.class);
            venueStages.forEach((id, factory) -> built.put(id, factory.apply(publisher)));
            return new VenueDispatcher(built, fallback);
        }

        public Builder outboundJournal(final OutboundJournal stage) {
            stages.put(StageId.OUTBOUND_JOURNAL, stage);
            return this;
        }

        /**
         * Guards the journal stages: they report what they wrote and their first failure to {@code progress}
         * instead of throwing per event.
         *
         * @param gateOrders journal before send: the venue stage runs behind the outbound journal and sends only
         *                   commands that are in the journal with the event that caused them.
         */
        public Builder journalProgress(final JournalProgress progress, final boolean gateOrders) {
            this.journalProgress = progress;
            this.gateOrders = gateOrders;
            return this;
        }

        /** The journal progress given to {@link #journalProgress(JournalProgress, boolean)}, or null. */
        public JournalProgress journalProgress() {
            return journalProgress;
        }

        /** A producer started after the stage threads and stopped before draining. */
        public Builder producer(final InboundProducer producer) {
            producers.add(producer);
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }

        /**
         * The same stages driven on the calling thread, for replay: no stage threads, no producers; thread
         * layout, clock and latency settings do not apply.
         *
         * @param feedbackRingSize room for events the venue publishes back while one event is processed
         *                         (a power of two).
         */
        public FusedPipeline buildFused(final int feedbackRingSize) {
            final StageId[] ids = {StageId.JOURNAL, StageId.BOOK, StageId.FEATURES, StageId.MODEL, StageId.STRATEGY, StageId.RISK};
            final InboundStage[] inbound = new InboundStage[ids.length];
            for (int i = 0; i < ids.length; i++) {
                inbound[i] = (InboundStage)stages.get(ids[i]);
            }
            return new FusedPipeline(inbound, ids, router, this::venueStage, (OutboundStage)stages.get(StageId.OUTBOUND_JOURNAL),
                outboundRingSize, powerOfTwo("feedbackRingSize", feedbackRingSize), levelsPerSlot, errors);
        }

        private static int powerOfTwo(final String name, final int value) {
            if (value < 2 || Integer.bitCount(value) != 1) {
                throw new IllegalArgumentException(name + " must be a power of two >= 2: " + value);
            }
            return value;
        }
    }
}
