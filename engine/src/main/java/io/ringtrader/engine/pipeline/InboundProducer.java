package io.ringtrader.engine.pipeline;

/**
 * Something that publishes onto the inbound ring from its own thread(s): a gateway, the timer. The
 * pipeline starts producers after its stage threads and stops them first when it stops, so every
 * event a producer published is drained through the stages.
 */
public interface InboundProducer {
    /** A short name for logs. */
    String name();

    /** Starts publishing through {@code publisher}. */
    void start(InboundPublisher publisher);

    /** Stops publishing; returns only once no further event will be published. */
    void stop();
}
