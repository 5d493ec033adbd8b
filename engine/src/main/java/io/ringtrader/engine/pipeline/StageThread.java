package io.ringtrader.engine.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import net.openhft.affinity.AffinityLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One pipeline thread: optionally pins itself to a CPU, then runs its stage group's processor. */
final class StageThread {
    private static final Logger LOG = LoggerFactory.getLogger(StageThread.class);

    private final StageThreadSpec spec;
    private final BatchEventProcessor<?> processor;
    private final DistinctErrorHandler errors;
    private final Thread thread;

    private final StageGroupHandler<?, ?> handler;

    StageThread(
        final StageThreadSpec spec,
        final BatchEventProcessor<?> processor,
        final StageGroupHandler<?, ?> handler,
        final DistinctErrorHandler errors) {
        this.spec = spec;
        this.processor = processor;
        this.handler = handler;
        this.errors = errors;
        this.thread = new Thread(this::run, spec.name());
        this.thread.setDaemon(false);
    }

    StageThreadSpec spec() {
        return spec;
    }

    BatchEventProcessor<?> processor() {
        return processor;
    }

    StageGroupHandler<?, ?> handler() {
        return handler;
    }

    Thread thread() {
        return thread;
    }

    void start() {
        thread.start();
    }

    private void run() {
        AffinityLock lock = null;
        if (spec.cpu() != StageThreadSpec.NOT_PINNED) {
            try {
                lock = AffinityLock.acquireLock(spec.cpu());
                if (lock.cpuId() != spec.cpu()) {
                    errors.onProblem(ErrorKind.AFFINITY, "thread could not be pinned to its configured cpu");
                    LOG.warn("thread {} asked for cpu {} but got {}", spec.name(), spec.cpu(), lock.cpuId());
                } else {
                    LOG.info("thread {} pinned to cpu {}", spec.name(), spec.cpu());
                }
            } catch (final Throwable t) {
                errors.onError(ErrorKind.AFFINITY, spec.name(), t);
            }
        }
        try {
            processor.run();
        } catch (final Throwable t) {
            errors.onError(ErrorKind.INTERNAL, spec.name(), t);
        } finally {
            if (lock != null) {
                lock.release();
            }
        }
    }
}
