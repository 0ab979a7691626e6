package com.crmfactory.messaging.outbound.inbound;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.events.common.OptOutType;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.customer.CustomerState;
import com.crmfactory.messaging.outbound.message.Dispatcher;
import com.crmfactory.messaging.outbound.message.RequestRegistry;
import com.crmfactory.messaging.outbound.tenant.TenantDirectory;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;

/**
 * A customer message refreshes the session window and may be a keyword: STOP and friends opt the
 * number out for that org and channel, START/YES/UNSTOP opt it back in, HELP is answered with the org's
 * help text (unless Twilio's Advanced Opt-Out already answered, {@code OptOutType=HELP}).
 */
@Service
public class InboundService {

    static final String CONSUMER = "outbound-messaging-service.inbound";

    private final TransactionTemplate tx;
    private final ProcessedEvents processed;
    private final CustomerState customers;
    private final TenantDirectory tenants;
    private final RequestRegistry requests;
    private final Dispatcher dispatcher;

    InboundService(TransactionTemplate tx, ProcessedEvents processed, CustomerState customers, TenantDirectory tenants,
            RequestRegistry requests, Dispatcher dispatcher) {
        this.tx = tx;
        this.processed = processed;
        this.customers = customers;
        this.tenants = tenants;
        this.requests = requests;
        this.dispatcher = dispatcher;
    }

    public void receive(String eventId, MessageReceived message, String conversationKey) {
        String helpRequest = tx.execute(status -> {
            if (!processed.firstDelivery(CONSUMER, eventId)) {
                return null;
            }
            customers.inboundAt(message.orgId(), message.channel(), message.from(), message.receivedAt());
            OptOutType keyword = Keywords.of(message.body(), message.optOutType());
            if (keyword == OptOutType.STOP) {
                customers.optOut(message.orgId(), message.channel(), message.from(), "keyword");
            } else if (keyword == OptOutType.START) {
                customers.optIn(message.orgId(), message.channel(), message.from());
            } else if (keyword == OptOutType.HELP && message.optOutType() == null) {
                return tenants.helpText(message.orgId())
                        .map(text -> register(message, conversationKey, text)).orElse(null);
            }
            return null;
        });
        if (helpRequest != null) {
            dispatcher.dispatch(helpRequest);
        }
    }

    private String register(MessageReceived message, String conversationKey, String text) {
        String requestId = "help:" + message.providerMessageId();
        OutboundMessageRequested reply = new OutboundMessageRequested(message.orgId(), requestId, Origin.AUTOMATION,
                null, OutboundChannel.valueOf(message.channel().conversationChannel().name()), message.from(), null, text,
                null, null, null, false, "help-keyword", Instant.now());
        requests.register(reply, conversationKey);
        return requestId;
    }
}
