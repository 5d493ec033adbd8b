/**
 * Pre-trade risk: the decision on every order intent, with a counted reason; positions and PnL; the kill switch,
 * changed only by the risk stage (session loss limit, operator events from the ring).
 */
package io.ringtrader.engine.risk;
