package com.crmfactory.messaging.agent.context;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;

/** The agent's state of one session: who the customer is, whether it may speak, and the dialogue state. */
public class SessionContext {

    public enum Handler { ai, human, closed }

    public String sessionId;
    public String orgId;
    public String contactId;
    public Channel channel;
    public String customerAddress;
    public String businessAddress;
    public String contactName;
    public Handler handler = Handler.ai;
    public boolean greeted;
    public int notUnderstood;
    public String lastIntent;
    public Double lastConfidence;
    public Pending pending;
    public OrderDraft draft = new OrderDraft(java.util.List.of(), null, null, null);
    public long lastAnsweredSeq;

    public String conversationKey() {
        return ConversationKey.of(orgId, channel, customerAddress).value();
    }

    /** The customer's phone number as the ERP knows it ({@code whatsapp:+1555…} → {@code +1555…}). */
    public String customerPhone() {
        int colon = customerAddress.lastIndexOf(':');
        return colon >= 0 ? customerAddress.substring(colon + 1) : customerAddress;
    }

    /** What the agent asked the customer and waits for. */
    public record Pending(String action, Long quantity) {
    }
}
