package com.crmfactory.messaging.conversation.command;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.command.NoteAddRequested;
import com.crmfactory.messaging.events.command.QueueAssignmentRequested;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code conversation.commands.v1}: what automations ask of a session, once per event. */
@Component
class ConversationCommandsListener {

    static final String CONSUMER = "conversation-service.commands";

    private final IncomingEvents events;
    private final ConversationCommandService commands;

    ConversationCommandsListener(IncomingEvents events, ConversationCommandService commands) {
        this.events = events;
        this.commands = commands;
    }

    @KafkaListener(id = "conversation-commands", idIsGroup = false, topics = Topics.CONVERSATION_COMMANDS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        events.firstDelivery(CONSUMER, record).ifPresent(payload -> {
            if (payload instanceof NoteAddRequested note) {
                commands.addNote(note);
            } else if (payload instanceof QueueAssignmentRequested assignment) {
                commands.assignQueue(assignment);
            }
        });
    }
}
