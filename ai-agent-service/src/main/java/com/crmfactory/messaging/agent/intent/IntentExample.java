package com.crmfactory.messaging.agent.intent;

/** One labelled utterance. */
public record IntentExample(String utterance, String intent) {
}
