package com.crmfactory.messaging.conversation.optout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;

/**
 * Our copy of the customers' opt-outs. outbound-messaging-service owns them (STOP/START keywords, Twilio's 21610)
 * and publishes each change; this copy lets a new conversation be refused at once and shows the state in the inbox.
 */
@Service
public class OptOutService {

    private final OptOutRepository optOuts;

    OptOutService(OptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    @Transactional
    public void apply(CustomerOptOutChanged change) {
        optOuts.apply(change);
    }

    /** The opt-out of this address on this channel, when the customer is opted out now. */
    @Transactional(readOnly = true)
    public Optional<OptOutState> optedOut(String orgId, Channel channel, String address) {
        return optOuts.find(orgId, channel, address).filter(OptOutState::optedOut);
    }

    /** Every known state (opted out or back in) of these addresses. */
    @Transactional(readOnly = true)
    public List<OptOutState> states(String orgId, Collection<String> addresses) {
        return optOuts.findAll(orgId, addresses);
    }
}
