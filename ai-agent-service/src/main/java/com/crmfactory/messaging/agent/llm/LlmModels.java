package com.crmfactory.messaging.agent.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.crmfactory.messaging.agent.media.MediaAnalyzer.ImageDescriber;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Builds the configured chat model (none by default: the agent then runs offline). */
public class LlmModels {

    private static final Logger log = LoggerFactory.getLogger(LlmModels.class);

    private final LlmProperties properties;
    private final ChatModel chat;
    private final ExecutorService visionCalls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-vision");
        t.setDaemon(true);
        return t;
    });

    public LlmModels(LlmProperties properties) {
        this.properties = properties;
        this.chat = build(properties);
    }

    public boolean configured() {
        return chat != null;
    }

    public ChatModel chat() {
        return chat;
    }

    /**
     * With {@code vision} on, describes an image with the configured model (sent inline as a base64 data URL).
     * The call goes through the provider's circuit breaker (the same {@code llm} breaker as the turns): its
     * failures count, and while the breaker is open no image reaches the provider. It runs inside the turn's
     * deadline (the hard stop, started before the media analysis): it gets only the remaining budget, at the
     * deadline its worker is interrupted (the HTTP call abandoned) and the timeout counts as a failure in the
     * breaker; past the deadline no image is sent at all. A failure, a timeout, an open breaker or an empty
     * answer gives no description.
     */
    public Optional<ImageDescriber> imageDescriber(CircuitBreaker breaker) {
        if (chat == null || !properties.vision()) {
            return Optional.empty();
        }
        return Optional.of((type, bytes, deadline) -> {
            long budget = (deadline == null ? properties.timeout() : Duration.between(Instant.now(), deadline)).toMillis();
            if (budget <= 0) {
                log.info("Image not described: the turn's deadline has passed");
                return Optional.empty();
            }
            try {
                UserMessage message = UserMessage.from(TextContent.from(
                        "Describe this customer photo in one sentence for a spare-parts sales desk; name any part numbers you can read."),
                        ImageContent.from(Base64.getEncoder().encodeToString(bytes), type));
                String text = breaker.executeCallable(() -> {
                    Future<String> call = visionCalls.submit(() -> chat.chat(message).aiMessage().text());
                    try {
                        return call.get(budget, TimeUnit.MILLISECONDS);
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e; // the provider's own failure
                    } finally {
                        if (!call.isDone()) {
                            call.cancel(true);
                        }
                    }
                });
                return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                log.info("Image not described ({})", e.toString());
                return Optional.empty();
            }
        });
    }

    private static ChatModel build(LlmProperties p) {
        if (p.provider() == null || p.provider().isBlank()) {
            return null;
        }
        return switch (p.provider().toLowerCase(Locale.ROOT)) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(p.baseUrl()).apiKey(p.apiKey() == null ? "none" : p.apiKey())
                    .modelName(p.model()).timeout(p.timeout()).maxRetries(0).build();
            case "anthropic" -> AnthropicChatModel.builder().apiKey(p.apiKey()).modelName(p.model()).timeout(p.timeout())
                    .maxRetries(0).build();
            case "gemini" -> GoogleAiGeminiChatModel.builder().apiKey(p.apiKey()).modelName(p.model()).timeout(p.timeout())
                    .maxRetries(0).build();
            case "ollama" -> OllamaChatModel.builder().baseUrl(p.baseUrl() == null ? "http://localhost:11434" : p.baseUrl())
                    .modelName(p.model()).timeout(p.timeout()).maxRetries(0).build();
            default -> throw new IllegalArgumentException("agent.llm.provider must be openai, anthropic, gemini or ollama");
        };
    }
}
