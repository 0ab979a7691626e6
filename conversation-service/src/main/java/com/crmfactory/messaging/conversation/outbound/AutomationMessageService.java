package com.crmfactory.messaging.conversation.outbound;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.contact.Addresses;
import com.crmfactory.messaging.conversation.message.MessageContent;
import com.crmfactory.messaging.conversation.message.MessageDraft;
import com.crmfactory.messaging.conversation.message.MessageRecorder;
import com.crmfactory.messaging.conversation.message.MessageRepository;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;

/**
 * Messages that automations send go into the customer's open session when there is one, so the
 * thread shows everything the customer received. AI and agent requests are ours: already recorded.
 */
@Service
public class AutomationMessageService {

    private static final Logger log = LoggerFactory.getLogger(AutomationMessageService.class);

    private final SessionService sessions;
    private final MessageRecorder recorder;
    private final MessageRepository messages;

    AutomationMessageService(SessionService sessions, MessageRecorder recorder, MessageRepository messages) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.messages = messages;
    }

    /** @return whether the request was recorded into a session */
    @Transactional
    public boolean record(OutboundMessageRequested request) {
        if (request.origin() != Origin.AUTOMATION) {
            return false;
        }
        Optional<Session> session = sessionOf(request).filter(Session::isOpen);
        if (session.isEmpty()) {
            log.debug("Automation request {} (org {}) has no open session", request.requestId(), request.orgId());
            return false;
        }
        if (messages.existsByOrgIdAndRequestId(request.orgId(), request.requestId())) {
            return false;
        }
        Session open = session.get();
        recorder.record(open, MessageDraft.outbound(Author.AUTOMATION, request.requestedBy(), open.getBusinessAddress(),
                open.getCustomerAddress(), request.body(),
                MessageContent.outbound(request.media(), request.interactive(), request.template()),
                request.requestId(), request.occurredAt()));
        return true;
    }

    private Optional<Session> sessionOf(OutboundMessageRequested request) {
        if (request.sessionId() != null) {
            return sessions.lockIfOwned(request.orgId(), request.sessionId());
        }
        Channel channel = OutboundRequests.conversationChannelOf(request.channel());
        if (channel == null) {
            return Optional.empty();
        }
        String address = switch (channel) {
            case WHATSAPP -> Addresses.whatsapp(request.to());
            case EMAIL -> Addresses.email(request.to());
            default -> Addresses.bare(request.to());
        };
        return sessions.lockOpen(request.orgId(), channel, address);
    }
}
