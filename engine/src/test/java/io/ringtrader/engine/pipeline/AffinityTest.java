package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.openhft.affinity.Affinity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AffinityTest {
    private static final EventTranslatorOneArg<InboundEvent, Object> TICK = (event, sequence, arg) -> event.kind = EventKind.TIMER;

    @Test
    void shouldRunAPinnedStageThreadOnItsCpu() {
        final int cpu = Runtime.getRuntime().availableProcessors() - 1;
        final DistinctErrorHandler errors = new DistinctErrorHandler();
        final int[] seenOnCpu = {-1};
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(64)
            .errorHandler(errors)
            .threads(List.of(
                new StageThreadSpec("pinned-journal", List.of(StageId.JOURNAL), WaitStrategyKind.BLOCKING, cpu),
                StageThreadSpec.of("logic", WaitStrategyKind.BLOCKING, StageId.BOOK, StageId.FEATURES, StageId.MODEL,
                    StageId.STRATEGY, StageId.RISK, StageId.ROUTER),
                StageThreadSpec.of("venue", WaitStrategyKind.BLOCKING, StageId.VENUE),
                StageThreadSpec.of("out-journal", WaitStrategyKind.BLOCKING, StageId.OUTBOUND_JOURNAL)))
            .journal((event, sequence, endOfBatch) -> seenOnCpu[0] = Affinity.getCpu())
            .build();
        pipeline.start();
        assertEquals(PublishResult.PUBLISHED, pipeline.inboundPublisher().tryPublish(TICK, null));
        assertTrue(pipeline.stop().clean());

        assertEquals(0, errors.count(ErrorKind.AFFINITY), () -> errors.distinctErrors().toString());
        assertEquals(cpu, seenOnCpu[0], "the journal stage ran on its pinned cpu");
    }
}
