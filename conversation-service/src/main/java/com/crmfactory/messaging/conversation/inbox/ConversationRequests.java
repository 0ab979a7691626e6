package com.crmfactory.messaging.conversation.inbox;

import java.util.List;

import com.crmfactory.messaging.conversation.outbound.ReplyContent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the conversation actions. */
public final class ConversationRequests {

    /** Twilio's limit for one message body. */
    public static final int MAX_MESSAGE_LENGTH = 1600;

    private ConversationRequests() {
    }

    /**
     * {@code POST /api/v1/conversations/reply}: a text ({@code message}), media ({@code mediaUrls}), a
     * {@code template} or {@code interactive} content; {@code agentId} names the person replying (optional).
     */
    @Schema(description = "A reply in an open conversation: message and/or mediaUrls, or a template, or interactive content.")
    public record Reply(
            @NotBlank String sessionId,
            @Size(max = MAX_MESSAGE_LENGTH) String message,
            @Size(max = 200) String agentId,
            List<String> mediaUrls,
            ReplyContent.TemplateRequest template,
            ReplyContent.InteractiveRequest interactive) {

        ReplyContent.Request content() {
            return new ReplyContent.Request(message, mediaUrls, template, interactive);
        }
    }

    /** {@code POST /api/v1/conversations}: a first message (or template) to a contact or an address on a channel. */
    @Schema(description = "Start a conversation (or continue the open one) with a contact or an address: "
            + "contactId or address, channel, and a template or message (WhatsApp outside the window: an approved template).")
    public record Start(
            @Size(max = 64) String contactId,
            @Schema(description = "E.164 number (sms, whatsapp) or e-mail address, when there is no contactId",
                    example = "+14155550123") @Size(max = 320) String address,
            @Schema(allowableValues = {"sms", "whatsapp", "email"}) @NotBlank String channel,
            @Size(max = MAX_MESSAGE_LENGTH) String message,
            List<String> mediaUrls,
            ReplyContent.TemplateRequest template,
            ReplyContent.InteractiveRequest interactive,
            @Size(max = 200) String agentId) {

        ReplyContent.Request content() {
            return new ReplyContent.Request(message, mediaUrls, template, interactive);
        }
    }

    public record Assign(@NotBlank @Size(max = 200) String assignee, @Size(max = 200) String assignedBy) {
    }

    /** Both optional: without a queue, the queue comes from the session's intent. */
    public record Escalate(@Size(max = 200) String reason, @Size(max = 100) String queue) {
    }

    public record Complete(@Size(max = 200) String completedBy) {
    }
}
