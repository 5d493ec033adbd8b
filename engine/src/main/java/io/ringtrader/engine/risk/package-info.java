/** Pre-trade risk: the decision on every order intent, with a counted reason. */
package io.ringtrader.engine.risk;
