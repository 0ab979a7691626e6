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

    /** A working copy (the LLM's tools change it; the turn takes its draft only when the model's answer is used). */
    public SessionContext copy() {
        SessionContext c = new SessionContext();
        c.sessionId = sessionId;
        c.orgId = orgId;
        c.contactId = contactId;
        c.channel = channel;
        c.customerAddress = customerAddress;
        c.businessAddress = businessAddress;
        c.contactName = contactName;
        c.handler = handler;
        c.greeted = greeted;
        c.notUnderstood = notUnderstood;
        c.lastIntent = lastIntent;
        c.lastConfidence = lastConfidence;
        c.pending = pending;
        c.draft = draft;
        c.lastAnsweredSeq = lastAnsweredSeq;
        return c;
    }

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
