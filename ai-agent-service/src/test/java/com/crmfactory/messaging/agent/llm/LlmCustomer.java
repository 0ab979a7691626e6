package com.crmfactory.messaging.agent.llm;

import static com.crmfactory.messaging.events.testing.MessageViewBuilder.aMessageView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.support.testing.Kafka;

/** A customer's session as conversation-service publishes it, and what the agent answered in it. */
final class LlmCustomer {

    final String org;
    final String id = UUID.randomUUID().toString();
    final String phone;
    final String name;
    final String key;
    private final AtomicLong sequence = new AtomicLong();

    LlmCustomer(String org, String phone, String name) {
        this.org = org;
        this.phone = phone;
        this.name = name;
        this.key = ConversationKey.of(org, Channel.WHATSAPP, "whatsapp:" + phone).value();
        Kafka.send(Topics.CONVERSATION_EVENTS, key, new SessionOpened(org, id, "contact-" + id, Channel.WHATSAPP,
                "whatsapp:" + phone, "whatsapp:+14155238886", SessionStatus.ACTIVE, name, null, Instant.now()));
    }

    void says(String body) {
        Kafka.send(Topics.CONVERSATION_EVENTS, key, new MessageRecorded(org, id, "contact-" + id, aMessageView()
                .sequence(sequence.incrementAndGet()).channel(Channel.WHATSAPP).from("whatsapp:" + phone)
                .to("whatsapp:+14155238886").body(body).build(), Instant.now()));
    }

    List<ReplyProposed> replies() {
        return Kafka.watch(Topics.AGENT_ACTIONS).events(ReplyProposed.class, r -> r.sessionId().equals(id));
    }

    List<EscalationRequested> escalations() {
        return Kafka.watch(Topics.AGENT_ACTIONS).events(EscalationRequested.class, e -> e.sessionId().equals(id));
    }
}
