package com.crmfactory.messaging.automation.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.automation.action.ActionExecutor;
import com.crmfactory.messaging.automation.action.ActionRenderer;
import com.crmfactory.messaging.automation.action.RenderedAction;
import com.crmfactory.messaging.automation.action.StepFailedException;
import com.crmfactory.messaging.automation.config.AutomationProperties;
import com.crmfactory.messaging.automation.condition.ConditionEvaluator;
import com.crmfactory.messaging.automation.definition.Action;
import com.crmfactory.messaging.automation.definition.AutomationCatalog;
import com.crmfactory.messaging.automation.definition.AutomationService;
import com.crmfactory.messaging.automation.definition.CompiledAutomation;
import com.crmfactory.messaging.automation.event.TriggerEvent;
import com.crmfactory.messaging.automation.state.CustomerStateService;
import com.crmfactory.messaging.automation.variables.MissingVariableException;
import com.crmfactory.messaging.events.ConversationKey;

import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the runs an event triggers and resumes the ones that are due. A run is unique per (trigger event,
 * automation): the insert that would start a second one for a redelivered or replayed event does nothing.
 */
@Service
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    /** A claimed due run is taken again by any instance after this, should this one die while working on it. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AutomationCatalog catalog;
    private final AutomationService automations;
    private final ConditionEvaluator conditions;
    private final RunRepository runs;
    private final StepRunner steps;
    private final ActionRenderer renderer;
    private final ActionExecutor executor;
    private final CustomerStateService state;
    private final AutomationProperties properties;
    private final RunMetrics metrics;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    RunService(AutomationCatalog catalog, AutomationService automations, ConditionEvaluator conditions, RunRepository runs, StepRunner steps,
            ActionRenderer renderer, ActionExecutor executor, CustomerStateService state, AutomationProperties properties,
            RunMetrics metrics, JsonMapper json, TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.automations = automations;
        this.conditions = conditions;
        this.runs = runs;
        this.steps = steps;
        this.renderer = renderer;
        this.executor = executor;
        this.state = state;
        this.properties = properties;
        this.metrics = metrics;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts a run of every enabled automation of the event's org whose trigger and conditions it meets. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int start(TriggerEvent event) {
        int started = 0;
        for (CompiledAutomation automation : catalog.enabled(event.orgId())) {
            if (!conditions.triggers(automation.definition().trigger(), event)
                    || !conditions.passes(automation.definition().conditions(), event)) {
                continue;
            }
            if (event.depth() > properties.maxChainDepth()) {
                metrics.run("depth_exceeded");
                log.info("Automation {} (org {}) not run: chain depth {} over {}", automation.id(), event.orgId(),
                        event.depth(), properties.maxChainDepth());
                continue;
            }
            RunRecord run = new RunRecord(UUID.randomUUID(), event.orgId(), automation.id(), automation.version(),
                    event.eventId(), event.type().wire(), json.writeValueAsString(event), event.depth(), RunStatus.RUNNING,
                    0, null, null, clock.instant(), null);
            if (!runs.insert(run)) {
                metrics.run("duplicate");
                continue;
            }
            steps.advance(run, automation, event, 0, true);
            started++;
        }
        return started;
    }

    /** Claims the runs due now (after a wait, an http_request, a session not yet known) and resumes each. */
    public int resumeDue() {
        Instant now = clock.instant();
        List<UUID> due = tx.execute(status -> runs.claimDue(now, properties.waitBatchSize(), now.plus(LEASE)));
        for (UUID id : due) {
            try {
                resume(id);
            } catch (RuntimeException e) {
                // the lease runs out and the run is tried again; the others go on
                log.warn("Automation run {} not resumed: {}", id, e.toString());
            }
        }
        return due.size();
    }

    private void resume(UUID id) {
        Optional<Resumed> resumed = tx.execute(status -> runs.find(id).filter(r -> r.status() == RunStatus.WAITING)
                .flatMap(this::load));
        if (resumed == null || resumed.isEmpty()) {
            return;
        }
        Resumed r = resumed.get();
        if (!automations.exists(r.run().orgId(), r.run().automationId().toString())) {
            // deleting an automation stops its pending runs (disabling it does not: they finish their version)
            tx.executeWithoutResult(status -> runs.lockWaiting(id).ifPresent(run -> {
                runs.finish(run.id(), RunStatus.FAILED, run.nextStep(), "the automation was deleted", clock.instant());
                metrics.run("cancelled");
            }));
            return;
        }
        List<Action> actions = r.automation().definition().actions();
        if (r.run().nextStep() < actions.size() && actions.get(r.run().nextStep()) instanceof Action.HttpRequest) {
            callThenAdvance(r);
        } else {
            tx.executeWithoutResult(status -> runs.lockWaiting(id).ifPresent(run -> {
                runs.finishWaits(run.id(), clock.instant());
                runs.running(run.id(), run.nextStep());
                steps.advance(run, r.automation(), r.event(), run.nextStep(), false);
            }));
        }
    }

    /** The http_request outside any transaction, then its record and the following steps in one. */
    private void callThenAdvance(Resumed r) {
        RunRecord run = r.run();
        int index = run.nextStep();
        Action action = r.automation().definition().actions().get(index);
        Instant started = clock.instant();
        RenderedAction rendered;
        try {
            rendered = renderer.render(action, r.event());
        } catch (MissingVariableException | StepFailedException e) {
            tx.executeWithoutResult(status -> runs.lockWaiting(run.id())
                    .ifPresent(locked -> steps.fail(locked, index, action.type(), null, e.getMessage(), started)));
            return;
        }
        try {
            var output = executor.call((RenderedAction.Http) rendered, steps.context(run, r.automation(), index, r.event()));
            tx.executeWithoutResult(status -> runs.lockWaiting(run.id()).ifPresent(locked -> {
                steps.recorded(locked, index, action.type(), rendered.describe(), output, started);
                runs.running(locked.id(), index + 1);
                steps.advance(locked, r.automation(), r.event(), index + 1, false);
            }));
        } catch (StepFailedException e) {
            tx.executeWithoutResult(status -> runs.lockWaiting(run.id())
                    .ifPresent(locked -> steps.fail(locked, index, action.type(), rendered.describe(), e.getMessage(), started)));
        }
    }

    private record Resumed(RunRecord run, CompiledAutomation automation, TriggerEvent event) {
    }

    private Optional<Resumed> load(RunRecord run) {
        TriggerEvent event = withSession(json.readValue(run.triggerEvent(), TriggerEvent.class));
        return catalog.version(run.orgId(), run.automationId(), run.automationVersion())
                .map(automation -> new Resumed(run, automation, event));
    }

    /** A message's session announced after the run began (a step waiting for it is retried with it). */
    private TriggerEvent withSession(TriggerEvent event) {
        if (event.sessionId() != null || event.conversationKey() == null) {
            return event;
        }
        ConversationKey key = ConversationKey.parse(event.conversationKey());
        return state.openSession(event.orgId(), key.channel().wire(), key.customerAddress())
                .map(session -> new TriggerEvent(event.eventId(), event.orgId(), event.type(), event.channel(),
                        event.conversationKey(), event.customerAddress(), session.sessionId(), event.contact(),
                        session.intent(), session.status(), event.body(), event.payload(), event.depth(),
                        event.occurredAt()))
                .orElse(event);
    }
}
