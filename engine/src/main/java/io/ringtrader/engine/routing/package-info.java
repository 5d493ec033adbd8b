/** The router stage: decided intents to order commands on the outbound ring. */
package io.ringtrader.engine.routing;
