package com.crmfactory.messaging.agent.llm;

/** The model's structured answer of a turn. */
public record AgentAnswer(String reply, String intent, double confidence, boolean escalate) {
}
