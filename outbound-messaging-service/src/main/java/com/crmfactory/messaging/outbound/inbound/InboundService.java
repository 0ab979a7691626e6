package com.crmfactory.messaging.outbound.inbound;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.OptOutType;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.customer.CustomerState;
import com.crmfactory.messaging.outbound.message.RequestRegistry;
import com.crmfactory.messaging.outbound.tenant.TenantDirectory;

/**
 * A customer message refreshes the session window and may be a keyword: STOP and friends opt the
 * number out for that org and channel, START/YES/UNSTOP opt it back in, HELP is answered with the org's
 * help text (unless Twilio's Advanced Opt-Out already answered, {@code OptOutType=HELP}).
 */
@Service
public class InboundService {

    private final CustomerState customers;
    private final TenantDirectory tenants;
    private final RequestRegistry requests;
    private final Clock clock;

    InboundService(CustomerState customers, TenantDirectory tenants, RequestRegistry requests, Clock clock) {
        this.customers = customers;
        this.tenants = tenants;
        this.requests = requests;
        this.clock = clock;
    }

    /** Applies the message; returns the id of a registered HELP answer, for the caller to send once this commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> receive(MessageReceived message, String conversationKey) {
        customers.inboundAt(message.orgId(), message.channel(), message.from(), message.receivedAt());
        OptOutType keyword = Keywords.of(message.body(), message.optOutType());
        if (keyword == OptOutType.STOP) {
            customers.optOut(message.orgId(), message.channel(), message.from(), "keyword");
        } else if (keyword == OptOutType.START) {
            customers.optIn(message.orgId(), message.channel(), message.from());
        } else if (keyword == OptOutType.HELP && message.optOutType() == null) {
            return tenants.helpText(message.orgId()).map(text -> register(message, conversationKey, text));
        }
        return Optional.empty();
    }

    private String register(MessageReceived message, String conversationKey, String text) {
        String requestId = "help:" + message.providerMessageId();
        OutboundMessageRequested reply = new OutboundMessageRequested(message.orgId(), requestId, Origin.AUTOMATION,
                null, OutboundChannel.valueOf(message.channel().conversationChannel().name()), message.from(), null, text,
                null, null, null, false, "help-keyword", clock.instant());
        requests.register(reply, conversationKey);
        return requestId;
    }
}
