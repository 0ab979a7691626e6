package com.crmfactory.messaging.agent.dialogue;

import java.util.ArrayList;
import java.util.List;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.MediaAnalysis;
import com.crmfactory.messaging.events.common.TemplateRef;

/**
 * What one turn decided: replies to propose, perhaps an escalation, the insight line, and the session as the turn
 * leaves it (pending question, counters, draft).
 */
public final class TurnResult {

    /**
     * One proposed reply. A template is named by key; {@link com.crmfactory.messaging.agent.template.TemplateCatalog}
     * makes it the org's exact template when it is usable. {@code fallback} (text or interactive, no template) is
     * sent instead when the org's template cannot be used (not approved for WhatsApp, or it does not declare the
     * variables this reply fills). With {@code templateMustBeKnown}, a template the agent's copy does not know
     * is not proposed either (the fallback goes out); otherwise it goes out by key, resolved downstream.
     */
    public record Reply(String text, Interactive interactive, TemplateRef template, Reply fallback,
            boolean templateMustBeKnown) {

        public Reply(String text, Interactive interactive, TemplateRef template) {
            this(text, interactive, template, null, false);
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    public record Escalation(String reason, String summary, String queueHint) {

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    private final List<Reply> replies = new ArrayList<>();
    private Escalation escalation;
    private String intent;
    private Double confidence;
    private String summary;
    private List<MediaAnalysis> mediaAnalysis = List.of();
    private SessionContext session;

    /** @param session the session as the turn found it */
    public TurnResult(SessionContext session, String intent, Double confidence) {
        this.session = session;
        this.intent = intent;
        this.confidence = confidence;
    }

    /** The session with this turn's changes so far; read it before each change, so none is lost. */
    public SessionContext session() {
        return session;
    }

    public TurnResult session(SessionContext changed) {
        this.session = changed;
        return this;
    }

    public TurnResult say(String text) {
        replies.add(new Reply(text, null, null));
        return this;
    }

    public TurnResult send(Interactive interactive) {
        replies.add(new Reply(null, interactive, null));
        return this;
    }

    public TurnResult send(TemplateRef template) {
        replies.add(new Reply(null, null, template));
        return this;
    }

    /** A template, and what to send instead when the org's template cannot be used. */
    public TurnResult send(TemplateRef template, Reply fallback) {
        replies.add(new Reply(null, null, template, fallback, false));
        return this;
    }

    public TurnResult send(Reply reply) {
        replies.add(reply);
        return this;
    }

    public TurnResult escalate(String reason, String summary, String queueHint) {
        this.escalation = new Escalation(reason, summary, queueHint);
        return this;
    }

    public TurnResult summary(String summary) {
        this.summary = summary;
        return this;
    }

    public TurnResult intent(String intent, Double confidence) {
        this.intent = intent;
        this.confidence = confidence;
        return this;
    }

    /** What was read from the turn's customer media, per message, for people to see (InsightsUpdated). */
    public TurnResult mediaAnalysis(List<MediaAnalysis> analysis) {
        this.mediaAnalysis = List.copyOf(analysis);
        return this;
    }

    public List<MediaAnalysis> mediaAnalysis() {
        return mediaAnalysis;
    }

    public List<Reply> replies() {
        return replies;
    }

    public Escalation escalation() {
        return escalation;
    }

    public String intent() {
        return intent;
    }

    public Double confidence() {
        return confidence;
    }

    public String summary() {
        return summary;
    }
}
