package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.InboundEvent;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PipelineStartTest {
    @Test
    void shouldRefuseToRunWhenAStageFailsToStartAndLeaveNoThreadBehind() {
        final Pipeline pipeline = Pipeline.builder()
            .inboundRingSize(64)
            .journal(new InboundJournal() {
                @Override
                public void onStart() {
                    throw new IllegalStateException("journal directory is not writable");
                }

                @Override
                public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) {
                }
            })
            .build();

        final IllegalStateException error = assertThrows(IllegalStateException.class, pipeline::start);

        assertTrue(error.getMessage().contains("stage journal failed to start"), error.getMessage());
        assertTrue(error.getMessage().contains("journal directory is not writable"), error.getMessage());
        assertEquals(Pipeline.State.STOPPED, pipeline.state());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.isAlive() && pipeline.threadNames().contains(t.getName())));
    }
}
