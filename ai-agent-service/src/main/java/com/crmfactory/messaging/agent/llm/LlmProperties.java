package com.crmfactory.messaging.agent.llm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.llm.*}: off unless a provider is set. {@code provider} = openai (any OpenAI-compatible
 * endpoint: base-url, api-key, model), anthropic, gemini or ollama. {@code timeout} is the hard stop of
 * one turn; past it the offline agent answers. {@code vision} describes customer images with the model.
 */
@ConfigurationProperties("agent.llm")
public record LlmProperties(String provider, String baseUrl, String apiKey, String model, Duration timeout,
        boolean vision, int maxToolRounds) {

    public LlmProperties {
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxToolRounds = maxToolRounds == 0 ? 8 : maxToolRounds;
    }
}
