package com.crmfactory.messaging.agent.context;

import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;

/**
 * The agent's state of one session: who the customer is, whether it may speak, and the dialogue state.
 * Immutable: a turn derives the state it leaves behind with the {@code with…} methods, so a working copy
 * (the LLM's tools) can never leak into the session unless the turn takes it over.
 */
public record SessionContext(String sessionId, String orgId, String contactId, Channel channel, String customerAddress,
        String businessAddress, String contactName, Handler handler, boolean greeted, int notUnderstood, String lastIntent,
        Double lastConfidence, Pending pending, OrderDraft draft, long lastAnsweredSeq) {

    /** The draft of a session that has not started one. */
    public static final OrderDraft NO_DRAFT = new OrderDraft(List.of(), null, null, null);

    public enum Handler { ai, human, closed }

    /**
     * What the agent asked the customer and waits for ({@code action} null: nothing), and what a short answer refers
     * to: the search it narrows ({@code query}, {@code filters}), the options it offered (picked by number or name),
     * the part last talked about ({@code sku}, for "make it 200" or "the same part") and, after a draft change, the
     * quantity that line had before ({@code undoQuantity}, 0 = it was not there) for "cancel that".
     */
    public record Pending(String action, Long quantity, String query, Map<String, String> filters, List<Option> options,
            String sku, Long undoQuantity) {

        public Pending(String action, Long quantity) {
            this(action, quantity, null, null, null, null, null);
        }

        public Pending {
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** Nothing asked, but the part last talked about is remembered. */
        public static Pending idle(String sku) {
            return new Pending(null, null, null, null, null, sku, null);
        }

        public boolean is(String wanted) {
            return wanted.equals(action);
        }
    }

    /** An offered choice: its payload ({@code id}: a SKU, or {@code attribute=value} when narrowing) and its title. */
    public record Option(String id, String title) {
    }

    /** The part last talked about, whatever the session waits for. */
    public String lastSku() {
        return pending == null ? null : pending.sku();
    }

    public SessionContext {
        handler = handler == null ? Handler.ai : handler;
        draft = draft == null ? NO_DRAFT : draft;
    }

    public static SessionContextBuilder builder() {
        return new SessionContextBuilder();
    }

    public SessionContext withGreeted(boolean greeted) {
        return new SessionContext(sessionId, orgId, contactId, channel, customerAddress, businessAddress, contactName,
                handler, greeted, notUnderstood, lastIntent, lastConfidence, pending, draft, lastAnsweredSeq);
    }

    public SessionContext withNotUnderstood(int notUnderstood) {
        return new SessionContext(sessionId, orgId, contactId, channel, customerAddress, businessAddress, contactName,
                handler, greeted, notUnderstood, lastIntent, lastConfidence, pending, draft, lastAnsweredSeq);
    }

    public SessionContext withPending(Pending pending) {
        return new SessionContext(sessionId, orgId, contactId, channel, customerAddress, businessAddress, contactName,
                handler, greeted, notUnderstood, lastIntent, lastConfidence, pending, draft, lastAnsweredSeq);
    }

    public SessionContext withDraft(OrderDraft draft) {
        return new SessionContext(sessionId, orgId, contactId, channel, customerAddress, businessAddress, contactName,
                handler, greeted, notUnderstood, lastIntent, lastConfidence, pending, draft, lastAnsweredSeq);
    }

    /** The turn that answered the customer messages up to {@code sequence}, and the intent it saw. */
    public SessionContext withLastAnswer(long sequence, String intent, Double confidence) {
        return new SessionContext(sessionId, orgId, contactId, channel, customerAddress, businessAddress, contactName,
                handler, greeted, notUnderstood, intent, confidence, pending, draft, sequence);
    }

    public String conversationKey() {
        return ConversationKey.of(orgId, channel, customerAddress).value();
    }

    /** The customer's phone number as the ERP knows it ({@code whatsapp:+1555…} → {@code +1555…}). */
    public String customerPhone() {
        int colon = customerAddress.lastIndexOf(':');
        return colon >= 0 ? customerAddress.substring(colon + 1) : customerAddress;
    }

    /** Addresses and the contact's name are personal data: never in a log line. */
    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
