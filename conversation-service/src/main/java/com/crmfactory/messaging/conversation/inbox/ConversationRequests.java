package com.crmfactory.messaging.conversation.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the conversation actions. */
public final class ConversationRequests {

    /** Twilio's limit for one message body. */
    public static final int MAX_MESSAGE_LENGTH = 1600;

    private ConversationRequests() {
    }

    /** {@code POST /api/v1/conversations/reply}; {@code agentId} names the person replying (optional). */
    public record Reply(
            @NotBlank String sessionId,
            @NotBlank @Size(max = MAX_MESSAGE_LENGTH) String message,
            @Size(max = 200) String agentId) {
    }

    public record Assign(@NotBlank @Size(max = 200) String assignee, @Size(max = 200) String assignedBy) {
    }

    /** Both optional: without a queue, the queue comes from the session's intent. */
    public record Escalate(@Size(max = 200) String reason, @Size(max = 100) String queue) {
    }

    public record Complete(@Size(max = 200) String completedBy) {
    }
}
