package io.ringtrader.engine.pipeline;

/** Sends accepted order commands to a venue (live REST or paper); execution reports come back as inbound events. */
public interface VenueStage extends OutboundStage {
}
