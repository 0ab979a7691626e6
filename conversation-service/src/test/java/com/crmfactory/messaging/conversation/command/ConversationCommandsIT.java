package com.crmfactory.messaging.conversation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.command.NoteAddRequested;
import com.crmfactory.messaging.events.command.QueueAssignmentRequested;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionNoteAdded;
import com.crmfactory.messaging.support.testing.Kafka;

/** Automations' commands (conversation.commands.v1): internal notes in the thread, handoff to a queue. */
class ConversationCommandsIT extends ConversationServiceTest {

    static final String CONSUMER = "conversation-service.commands";

    @Override
    protected String orgLabel() {
        return "cmd";
    }

    @Test
    void aNoteIsAnInternalItemOfTheThreadOncePerCommandAndNeverAMessage() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "where is my refund?"));
        NoteAddRequested note = new NoteAddRequested(org, "automation-" + UUID.randomUUID(), sessionId,
                "Refund question: check invoice", "automation-7", Instant.now());
        String key = Fixtures.key(org, Channel.SMS, phone);

        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.CONVERSATION_COMMANDS, key, note));
        // the same command again (a replayed run): no second note
        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.CONVERSATION_COMMANDS, key, note));

        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/notes").size()).isEqualTo(1);
        assertThat(thread.at("/notes/0/kind").asString()).isEqualTo("note");
        assertThat(thread.at("/notes/0/author").asString()).isEqualTo("AUTOMATION");
        assertThat(thread.at("/notes/0/authorId").asString()).isEqualTo("automation-7");
        assertThat(thread.at("/notes/0/text").asString()).isEqualTo("Refund question: check invoice");
        assertThat(conversations.messageCount(sessionId)).as("a note is not a message").isEqualTo(1);
        SessionNoteAdded added = Kafka.watch(Topics.CONVERSATION_EVENTS)
                .awaitOne(SessionNoteAdded.class, e -> e.sessionId().equals(sessionId));
        assertThat(added.author()).isEqualTo(Author.AUTOMATION);
        assertThat(Kafka.watch(Topics.OUTBOUND_REQUESTS).ofOrg(org)).as("nothing sent to the customer").isEmpty();
    }

    @Test
    void assignQueueHandsTheSessionToTheQueueLikeAHumanHandoff() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "I want to talk to billing"));
        QueueAssignmentRequested assign = new QueueAssignmentRequested(org, "automation-" + UUID.randomUUID(), sessionId,
                "billing", "automation", "automation-7", Instant.now());

        conversations.awaitProcessed(CONSUMER,
                Kafka.send(Topics.CONVERSATION_COMMANDS, Fixtures.key(org, Channel.SMS, phone), assign));

        assertThat(conversations.statusOf(sessionId)).isEqualTo("NEEDS_HUMAN");
        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/conversation/queue").asString()).isEqualTo("billing");
        SessionEscalated escalated = Kafka.watch(Topics.CONVERSATION_EVENTS)
                .awaitOne(SessionEscalated.class, e -> e.sessionId().equals(sessionId));
        assertThat(escalated.escalatedBy()).isEqualTo(Author.AUTOMATION);
        assertThat(escalated.queue()).isEqualTo("billing");
    }

    @Test
    void commandsForAnotherOrgsSessionChangeNothing() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "hello"));
        String otherOrg = Fixtures.org("cmd-other");
        NoteAddRequested foreignNote = new NoteAddRequested(otherOrg, "automation-" + UUID.randomUUID(), sessionId,
                "not yours", "automation-9", Instant.now());
        QueueAssignmentRequested foreignAssign = new QueueAssignmentRequested(otherOrg, "automation-" + UUID.randomUUID(),
                sessionId, "billing", "automation", "automation-9", Instant.now());

        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.CONVERSATION_COMMANDS, otherOrg + ":" + sessionId, foreignNote));
        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.CONVERSATION_COMMANDS, otherOrg + ":" + sessionId, foreignAssign));

        assertThat(api.get(org, "/api/v1/conversations/" + sessionId).at("/notes").size()).isZero();
        assertThat(conversations.statusOf(sessionId)).isEqualTo("ACTIVE");
    }
}
