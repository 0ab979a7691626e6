package com.crmfactory.messaging.agent.intent;

/**
 * @param intent     the most likely intent
 * @param confidence its calibrated probability
 * @param similarity cosine similarity to that intent's centroid: low means "like nothing we know"
 */
public record IntentPrediction(String intent, double confidence, double similarity) {
}
