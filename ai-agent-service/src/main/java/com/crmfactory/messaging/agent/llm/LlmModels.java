package com.crmfactory.messaging.agent.llm;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import com.crmfactory.messaging.agent.media.MediaAnalyzer.ImageDescriber;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the configured chat model (none by default: the agent then runs offline). */
public class LlmModels {

    private final LlmProperties properties;
    private final ChatModel chat;

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

    public Optional<ImageDescriber> imageDescriber() {
        if (chat == null || !properties.vision()) {
            return Optional.empty();
        }
        return Optional.of((type, bytes) -> {
            try {
                UserMessage message = UserMessage.from(TextContent.from(
                        "Describe this customer photo in one sentence for a spare-parts sales desk; name any part numbers you can read."),
                        ImageContent.from(Base64.getEncoder().encodeToString(bytes), type));
                return Optional.ofNullable(chat.chat(message).aiMessage().text());
            } catch (RuntimeException e) {
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
