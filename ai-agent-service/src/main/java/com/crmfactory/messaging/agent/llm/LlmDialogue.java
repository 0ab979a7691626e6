package com.crmfactory.messaging.agent.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.crmfactory.messaging.agent.context.CustomerMessage;
import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.dialogue.OrderConfirmation;
import com.crmfactory.messaging.agent.dialogue.AgentProperties;
import com.crmfactory.messaging.agent.dialogue.Dialogue;
import com.crmfactory.messaging.agent.dialogue.OfflineDialogue;
import com.crmfactory.messaging.agent.dialogue.TurnInput;
import com.crmfactory.messaging.agent.dialogue.TurnResult;
import com.crmfactory.messaging.agent.draft.DraftService;
import com.crmfactory.messaging.agent.erp.ErpClient;
import com.crmfactory.messaging.agent.intent.IntentClassifier;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The LLM agent: chat memory from the session history, ERP tools bound to the session, a structured
 * answer (reply, intent, confidence, escalate). Guarded by a circuit breaker and a hard time limit;
 * when either trips, or the model fails, the offline agent answers the turn instead.
 */
public class LlmDialogue implements Dialogue {

    private static final Logger log = LoggerFactory.getLogger(LlmDialogue.class);

    private final LlmModels models;
    private final LlmProperties properties;
    private final OfflineDialogue offline;
    private final ErpClient erp;
    private final DraftService drafts;
    private final AgentProperties agent;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-llm");
        t.setDaemon(true);
        return t;
    });

    public LlmDialogue(LlmModels models, LlmProperties properties, OfflineDialogue offline, ErpClient erp, DraftService drafts,
            IntentClassifier classifier, AgentProperties agent, CircuitBreaker breaker,
            MeterRegistry meters) {
        this.models = models;
        this.properties = properties;
        this.offline = offline;
        this.erp = erp;
        this.drafts = drafts;
        this.agent = agent;
        this.breaker = breaker;
        this.meters = meters;
    }

    /**
     * Runs without a database transaction (see TurnService). The model's tools build their own draft from the
     * session's; it becomes the turn's only when the model's answer is used. At the hard stop the worker
     * is interrupted (the HTTP call to the provider is abandoned) and the tools refuse from then on, so a late
     * model cannot change anything after the offline agent took the turn.
     * <p>
     * The deadline is the turn's ({@link TurnInput#deadline()}, started before the media analysis): a vision call
     * has already spent part of it, and the model gets only the rest. When nothing is left the model is not asked
     * and the offline agent answers.
     */
    @Override
    public TurnResult respond(TurnInput in) {
        SessionContext c = in.session();
        Instant deadline = in.deadline() != null ? in.deadline() : clock.instant().plus(properties.timeout());
        long budget = Duration.between(clock.instant(), deadline).toMillis();
        if (budget <= 0) {
            meters.counter("agent.llm.turns", "outcome", "fallback").increment();
            log.warn("LLM turn of session {} has no time left after the media analysis; the offline agent answers", c.sessionId());
            return offline.respond(in);
        }
        ErpTools tools = new ErpTools(c, erp, drafts, clock, deadline);
        try {
            AgentAnswer answer = breaker.executeCallable(() -> {
                Future<AgentAnswer> call = calls.submit(() -> ask(in, tools));
                try {
                    return call.get(budget, TimeUnit.MILLISECONDS);
                } finally {
                    if (!call.isDone()) {
                        tools.close();
                        call.cancel(true);
                    }
                }
            });
            tools.close();
            meters.counter("agent.llm.turns", "outcome", "answered").increment();
            return toResult(c.withDraft(tools.draft()), answer, tools);
        } catch (Exception e) {
            tools.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            meters.counter("agent.llm.turns", "outcome", "fallback").increment();
            log.warn("LLM turn of session {} failed ({}); the offline agent answers", c.sessionId(), e.toString());
            return offline.respond(in);
        }
    }

    @Override
    public Optional<Duration> hardStop() {
        return Optional.of(properties.timeout());
    }

    private AgentAnswer ask(TurnInput in, ErpTools tools) {
        MessageWindowChatMemory memory = MessageWindowChatMemory.withMaxMessages(20);
        for (CustomerMessage m : in.history()) {
            if (m.sequence() > in.session().lastAnsweredSeq()) {
                continue; // this turn's own messages are the user message below
            }
            if ("CUSTOMER".equals(m.author())) {
                // what an earlier turn read from the customer's photos stays in the context
                String text = m.analysis() == null || m.analysis().isBlank() ? m.body()
                        : (m.body() == null || m.body().isBlank() ? "" : m.body() + "\n") + "[the customer's photo: " + m.analysis() + "]";
                if (text != null && !text.isBlank()) {
                    memory.add(UserMessage.from(text));
                }
            } else if (m.body() != null && !m.body().isBlank()) {
                memory.add(AiMessage.from(m.body()));
            }
        }
        AgentAssistant assistant = AiServices.builder(AgentAssistant.class).chatModel(models.chat()).chatMemory(memory)
                .tools(tools).maxSequentialToolsInvocations(properties.maxToolRounds()).build();
        String text = context(in) + in.text();
        if (!in.imageCodes().isEmpty()) {
            text += "\n[barcodes read from the customer's photo: " + String.join(", ", in.imageCodes()) + "]";
        }
        if (!in.imageNotes().isEmpty()) {
            text += "\n[" + String.join("; ", in.imageNotes()) + "]";
        }
        return assistant.answer(text);
    }

    /**
     * What the offline agent also knows, for the model: the customer's name, the order draft, the part talked about
     * last, and the summary of messages older than the chat memory.
     */
    static String context(TurnInput in) {
        SessionContext c = in.session();
        StringBuilder s = new StringBuilder("[context: customer name ").append(c.contactName() == null ? "unknown"
                : c.contactName());
        if (c.draft().lines().isEmpty()) {
            s.append("; order draft empty");
        } else {
            s.append("; order draft: ").append(String.join(", ", c.draft().lines().stream().map(l -> l.quantity() + " x "
                    + l.sku()).toList())).append(" (total ").append(c.draft().total()).append(' ').append(c.draft().currency())
                    .append(')');
        }
        if (c.lastSku() != null) {
            s.append("; part talked about last: ").append(c.lastSku());
        }
        if (in.earlier() != null) {
            s.append("; before the recent messages: ").append(in.earlier());
        }
        return s.append("]\n").toString();
    }

    /** @param c the session with the draft the model's tools left */
    private TurnResult toResult(SessionContext c, AgentAnswer answer, ErpTools tools) {
        TurnResult result = new TurnResult(c.withGreeted(true), answer.intent() == null ? "other" : answer.intent(),
                Math.max(0, Math.min(1, answer.confidence())));
        if (answer.reply() != null && !answer.reply().isBlank()) {
            result.say(answer.reply());
        }
        if (tools.submitted != null) {
            result.send(OrderConfirmation.of(c, tools.submitted));
        }
        boolean unsure = answer.confidence() < agent.confidenceThreshold();
        if (tools.escalation != null || answer.escalate() || unsure) {
            String reason = tools.escalation != null ? tools.escalation : answer.escalate() ? "llm_escalation" : "low_confidence";
            result.escalate(reason, "LLM agent handed over (" + reason + "); intent " + result.intent(), null);
        }
        return result.summary(answer.reply() == null ? result.intent()
                : answer.reply().replace('\n', ' ').substring(0, Math.min(100, answer.reply().length())));
    }
}
